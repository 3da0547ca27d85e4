/**
 * Where the site is deployed: the one place that reads SITE_URL and BASE_PATH. The Astro config,
 * the build steps (diagrams, PDFs) and the tests all take them from here.
 *
 * SITE_URL is the public origin (canonical URLs, citations, sitemap); BASE_PATH the sub-path
 * the site is served under ("/" for a domain root).
 */
import { SetupError } from '../lib/errors.ts';

export interface Deployment {
  site: string;
  /** Always starts and ends with "/". */
  base: string;
}

/** "/kjgh", "kjgh/" and "/kjgh/" all mean "/kjgh/"; unset or empty means the domain root. */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  const base = `/${trimmed.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base) || base.split('/').some((s) => s === '.' || s === '..')) {
    throw new SetupError(`BASE_PATH must be a path such as /kjgh/ (letters, digits, . _ ~ -), got "${raw}"`);
  }
  return base;
}

export function deployment(env: Record<string, string | undefined> = process.env): Deployment {
  return { site: env.SITE_URL ?? 'https://qinghai-plan.example.org', base: normalizeBase(env.BASE_PATH) };
}
