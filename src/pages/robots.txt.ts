import type { APIRoute } from 'astro';

/**
 * robots.txt naming the sitemap. Crawlers read it only at the origin's root: under a BASE_PATH
 * the host's own /robots.txt must carry the Sitemap line (README, Deploying).
 */
export const GET: APIRoute = ({ site }) => {
  const lines = ['User-agent: *', 'Allow: /', ''];
  if (site) lines.push(`Sitemap: ${new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}sitemap-index.xml`, site).href}`);
  return new Response(`${lines.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
