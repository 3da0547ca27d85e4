import { readdirSync } from 'node:fs';

/**
 * Every page of a built site, as a path ("/", "/chapters/4/"): each folder holding an index.html,
 * outside the asset and search-index folders. What the sitemap lists when there is one; the
 * tests and the screenshot tool read it from the files, since without SITE_URL there is no sitemap.
 */
const NOT_PAGES = /^(_astro|pagefind)\//;

export function builtPages(dir = 'dist'): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f === 'index.html' || f.endsWith('/index.html'))
    .map((f) => f.slice(0, -'index.html'.length))
    .filter((p) => !NOT_PAGES.test(p))
    .map((p) => `/${p}`)
    .sort();
}
