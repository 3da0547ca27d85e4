import type { Range } from './match.ts';

/** A piece of an excerpt: plain text, or a matched term to show in <mark>. */
export interface Piece { text: string; mark: boolean }

/**
 * Cuts an excerpt of about `radius` characters either side of the first match, keeping every
 * match inside the window marked. Returned as pieces so the UI builds DOM nodes, never HTML.
 */
export function excerpt(text: string, ranges: Range[], radius = 36): Piece[] {
  const first = ranges[0];
  if (!first) return [{ text: text.length > radius * 2 ? `${text.slice(0, radius * 2)}…` : text, mark: false }];
  const start = Math.max(0, first.start - radius);
  const end = Math.min(text.length, Math.max(first.end + radius, start + radius * 2));
  const pieces: Piece[] = [];
  let at = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
  if (start > 0) pieces.unshift({ text: '…', mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}

/** Pagefind excerpts are HTML with <mark>; turn them into pieces without parsing HTML into the page. */
export function piecesFromMarkedHtml(html: string): Piece[] {
  const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' })[e] ?? '');
  const pieces: Piece[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let at = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > at) pieces.push({ text: decode(html.slice(at, m.index).replace(/<[^>]*>/g, '')), mark: false });
    pieces.push({ text: decode(m[1]!.replace(/<[^>]*>/g, '')), mark: true });
    at = m.index + m[0].length;
  }
  if (at < html.length) pieces.push({ text: decode(html.slice(at).replace(/<[^>]*>/g, '')), mark: false });
  return pieces.filter((p) => p.text);
}
