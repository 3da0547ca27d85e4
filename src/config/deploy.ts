/**
 * Where the site is deployed: the one place that reads SITE_URL and BASE_PATH. The Astro config,
 * the build steps (PDFs, Word files) and the tests all take them from here.
 *
 * SITE_URL is the public origin (canonical URLs, citations, sitemap). It is optional: without
 * it the site names no address of its own (no canonical link, no absolute citation URLs, no
 * sitemap) rather than a made-up one, and the citation dialog cites the address the reader has.
 * BASE_PATH is the sub-path the site is served under ("/" for a domain root).
 */
import { SetupError } from '../lib/errors.ts';

export interface Deployment {
  /** The public origin without a trailing slash ("https://plan.example.gov.cn"); undefined when SITE_URL is unset. */
  site: string | undefined;
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

/**
 * SITE_URL must be an http(s) origin ("https://plan.example.gov.cn", a trailing "/" allowed);
 * a path belongs in BASE_PATH, so one given here is an error, not silently dropped.
 */
export function normalizeSite(raw: string | undefined): string | undefined {
  const trimmed = (raw ?? '').trim();
  if (!trimmed) return undefined;
  const fail = (why: string): never => {
    throw new SetupError(`SITE_URL must be the public origin such as https://plan.example.gov.cn (${why}), got "${raw}"`);
  };
  let url: URL;
  try { url = new URL(trimmed); } catch { return fail('not a URL'); }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('http or https only');
  if (url.username || url.password) fail('no user name or password');
  if (url.search || url.hash || trimmed.endsWith('?') || trimmed.endsWith('#')) fail('no query or fragment');
  if (url.pathname !== '/') fail('no path: put the sub-path in BASE_PATH');
  return url.origin;
}

export function deployment(env: Record<string, string | undefined> = process.env): Deployment {
  return { site: normalizeSite(env.SITE_URL), base: normalizeBase(env.BASE_PATH) };
}

/**
 * The public, absolute URL of a path of the site ("chapters/4/#sec-4-3", "pdf/plan.pdf"): the
 * SITE_URL origin, the base path and the path. Undefined without SITE_URL: a caller prints no
 * address rather than an invented one.
 */
export function publicUrl(path: string, d: Deployment = deployment()): string | undefined {
  if (!d.site) return undefined;
  return `${d.site}${d.base}${path.replace(/^\//, '')}`;
}

/** What a build without SITE_URL does differently, said once per build (pipeline/build.ts). */
export const NO_SITE_URL_MESSAGE =
  'SITE_URL is not set: the site names no address of its own (no canonical links, no absolute URLs in citations or ' +
  'reference-manager metadata, no sitemap; the Word and PDF files say the edition has no fixed address, and a PDF\'s ' +
  'links to other pages print as text). ' +
  'Set SITE_URL=https://… (and BASE_PATH for a sub-path) when building for a public host.';
