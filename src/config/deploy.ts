/**
 * Where the site is deployed: the one place that reads SITE_URL and BASE_PATH. The Astro config,
 * the build steps (diagrams, PDFs) and the tests all take them from here.
 *
 * SITE_URL is the public origin (canonical URLs, citations, sitemap); BASE_PATH the sub-path
 * the site is served under ("/" for a domain root).
 */
export interface Deployment {
  site: string;
  /** Always starts and ends with "/". */
  base: string;
}

export function deployment(env: Record<string, string | undefined> = process.env): Deployment {
  const raw = env.BASE_PATH ?? '/';
  const base = `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return { site: env.SITE_URL ?? 'https://qinghai-plan.example.org', base };
}
