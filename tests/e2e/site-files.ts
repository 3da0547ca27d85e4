import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Reads the built site from disk: every HTML page with its ids and outgoing links. */

export const DIST = 'dist';

export interface BuiltPage { path: string; file: string; html: string; ids: Set<string> }

export function htmlFiles(dir = DIST): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).map((f) => join(dir, f)).sort();
}

export function readPage(file: string): BuiltPage {
  const html = readFileSync(file, 'utf8');
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
  const path = `/${file.slice(DIST.length + 1).replace(/index\.html$/, '')}`;
  return { path, file, html, ids };
}

/** Every href/src in the page (attributes of HTML and SVG, including xlink:href). */
export function linksOf(page: BuiltPage): string[] {
  return [...page.html.matchAll(/\s(?:href|src|xlink:href|action|data-href)="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

/** Maps a site path (with or without a file name) to the file a static host would serve. */
export function fileForPath(path: string): string | undefined {
  const clean = decodeURIComponent(path.split('?')[0]!);
  const candidates = clean.endsWith('/') ? [join(DIST, clean, 'index.html')] : [join(DIST, clean), join(DIST, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}
