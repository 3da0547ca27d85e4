/**
 * Where a link inside a printed PDF may lead. The pages are printed from a server that exists
 * only during the build, so no link may keep its address: a link either jumps to a place in the
 * same PDF, or leads to the public page (SITE_URL + base), or, when the deployer gave no public
 * address, stays as plain text: never a dead or invented address.
 */
import { chapterPath } from '../url.ts';

export type PrintedLink =
  | { kind: 'internal'; href: string }
  | { kind: 'public'; href: string }
  | { kind: 'text' }
  | { kind: 'external'; href: string };

export interface LinkContext {
  /** The printed page's path under the base, e.g. "chapters/4/" or "plan/". */
  pagePath: string;
  /** The ids present in the printed page. */
  ids: ReadonlySet<string>;
  /** The base path ("/" or "/kjgh/"). */
  base: string;
  /** SITE_URL's origin without a trailing slash; undefined when the deployer set none. */
  publicOrigin: string | undefined;
}

/** The pages whose ids the whole plan (/plan/) carries too: the preamble (home page) and the chapters. */
function isPlanTextPage(path: string): boolean {
  return path === chapterPath(0) || /^chapters\/\d+\/$/.test(path);
}

/**
 * `url` is the link's absolute address as the print server resolved it; `serverOrigin` that
 * server's origin. Same-document places stay in the PDF; so do a chapter's ids in plan.pdf,
 * which prints every chapter under the same ids.
 */
export function printedLink(url: URL, serverOrigin: string, context: LinkContext): PrintedLink {
  if (url.origin !== serverOrigin) return { kind: 'external', href: url.href };
  if (!url.pathname.startsWith(context.base)) return { kind: 'text' };
  const path = url.pathname.slice(context.base.length);
  const id = decodeURIComponent(url.hash.slice(1));
  const samePlace = path === context.pagePath || (context.pagePath === 'plan/' && isPlanTextPage(path));
  if (id && samePlace && context.ids.has(id)) return { kind: 'internal', href: `#${id}` };
  if (!context.publicOrigin) return { kind: 'text' };
  return { kind: 'public', href: `${context.publicOrigin}${context.base}${path}${url.search}${url.hash}` };
}
