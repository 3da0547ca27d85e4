/**
 * Build step: sitemap.xml and robots.txt from the pages that were actually built, so the
 * sitemap can never list a page that does not exist or miss one that does.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function builtPagePaths(outDir: string): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) { if (!['_astro', 'pagefind', 'pdf', 'fonts'].includes(name)) walk(full); }
      else if (name === 'index.html') pages.push(relative(outDir, dir).split('\\').join('/'));
    }
  };
  walk(outDir);
  return pages.map((p) => (p ? `${p}/` : ''));
}

export function writeSitemap(outDir: string, site = process.env.SITE_URL ?? 'https://qinghai-plan.example.org', base = process.env.BASE_PATH ?? '/'): void {
  const root = new URL(base.endsWith('/') ? base : `${base}/`, site).href;
  const urls = builtPagePaths(outDir).map((p) => `  <url><loc>${new URL(p, root).href}</loc></url>`);
  writeFileSync(join(outDir, 'sitemap.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`);
  writeFileSync(join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', root).href}\n`);
}
