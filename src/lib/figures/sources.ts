import { locate } from '../plan/locate.ts';
import { markInsertions } from '../plan/marks.ts';
import type { Plan } from '../plan/outline.ts';
import type { FigureSource } from './schema.ts';

/** Where a figure's words come from: a link to them and their place, as a reader would cite it. */
export interface SourceRef {
  /** The paragraph on its chapter page, with the quote as a text fragment where that is safe. */
  href: string;
  /** "五（一）1第4段", "五（二）1 关键技术9", "六（一） 标题". */
  where: string;
}

export type ResolveSource = (source: FigureSource) => SourceRef;

/** Text fragment directive value: commas, dashes and ampersands are syntax and must be escaped. */
export function textFragment(quote: string): string {
  return encodeURIComponent(quote).replace(/-/g, '%2D');
}

/**
 * The words of a quote the page prints without a break: the page sets editorial marks (注1,
 * 〔应作…〕) inside the words, and a text fragment across one matches nothing, so the longest
 * piece of the quote between marks is the one to highlight.
 */
export function highlightable(plan: Plan, source: FigureSource): string {
  const text = plan.blockById.get(source.id)?.text ?? '';
  const start = text.indexOf(source.quote);
  if (start < 0) return source.quote;
  const cuts = markInsertions(plan, source.id).map((m) => m.at - start).filter((at) => at > 0 && at < source.quote.length).sort((a, b) => a - b);
  const bounds = [0, ...cuts, source.quote.length];
  const pieces = bounds.slice(1).map((end, i) => source.quote.slice(bounds[i], end));
  return pieces.reduce((best, piece) => ([...piece].length > [...best].length ? piece : best), '');
}

/**
 * A source's link and place. Paragraph quotes become `#id:~:text=…` so Chromium highlights the
 * words; a key technology or heading gets the plain `#id`, because its words are also printed as
 * a label inside the figures on the same page, and a text fragment matches the first occurrence.
 */
export function sourceRef(plan: Plan, source: FigureSource, base?: string): SourceRef {
  const at = locate(plan, source.id, base);
  if (at.kind === 'paragraph') return { href: `${at.href}:~:text=${textFragment(highlightable(plan, source))}`, where: at.place };
  if (at.kind === 'section') return { href: at.href, where: `${at.place} 标题` };
  return { href: at.href, where: at.place };
}
