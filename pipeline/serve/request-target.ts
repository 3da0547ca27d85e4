/**
 * What a request line asks for, checked before anything touches the disk. Browsers always send
 * a clean target (percent-encoded, no `..` or `//`, no control bytes), so anything else is
 * refused here with a 4xx instead of being "normalised" into something it did not say: that is
 * how a path leaves the site folder, a redirect leaves the origin, or a header gets a raw byte.
 */

/** Longer request targets get 414. Node itself answers 431 past its 16 KiB header limit. */
export const MAX_TARGET_LENGTH = 4096;

export type RequestTarget =
  /** `sitePath`: decoded, relative to the site root ("/chapters/4/"); `rawPath`/`rawQuery` as sent. */
  | { kind: 'site'; sitePath: string; rawPath: string; rawQuery: string }
  /** The base path without its trailing slash ("/kjgh"): the site is one slash away. */
  | { kind: 'base'; location: string }
  /** A well-formed path outside the base path. */
  | { kind: 'outside' }
  | { kind: 'refused'; status: 400 | 414; reason: string };

const refuse = (status: 400 | 414, reason: string): RequestTarget => ({ kind: 'refused', status, reason });

export function parseRequestTarget(target: string, base: string): RequestTarget {
  if (target.length > MAX_TARGET_LENGTH) return refuse(414, `request target longer than ${MAX_TARGET_LENGTH} characters`);
  // Origin-form only: an absolute URL ("http://…") or "*" is for proxies and OPTIONS.
  if (!target.startsWith('/')) return refuse(400, 'request target must start with /');
  // Printable ASCII only: raw spaces, control bytes and raw non-ASCII are never sent by a browser.
  if (/[^\x21-\x7e]/.test(target)) return refuse(400, 'raw control, space or non-ASCII byte in the request target');
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const rawQuery = q === -1 ? '' : target.slice(q);
  // An encoded separator would become a path separator once decoded: "..%2f" is how traversal hides.
  if (/%(2f|5c)/i.test(rawPath) || rawPath.includes('\\')) return refuse(400, 'encoded or backslash path separator');
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return refuse(400, 'malformed percent-encoding or invalid UTF-8');
  }
  if (/[\x00-\x1f\x7f]/.test(path)) return refuse(400, 'encoded control character');
  const segments = path.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return refuse(400, 'dot segment in the path');
  if (segments.slice(0, -1).some((s) => s === '')) return refuse(400, 'empty path segment (//)');
  if (path === base.slice(0, -1)) return { kind: 'base', location: base + rawQuery };
  if (!path.startsWith(base)) return { kind: 'outside' };
  return { kind: 'site', sitePath: path.slice(base.length - 1), rawPath, rawQuery };
}
