import { locate } from '../plan/locate.ts';
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
 * A source's link and place. Paragraph quotes become `#id:~:text=…` so Chromium highlights the
 * words; a key technology or heading gets the plain `#id`, because its words are also printed as
 * a label inside the figures on the same page, and a text fragment matches the first occurrence.
 */
export function sourceRef(plan: Plan, source: FigureSource, base?: string): SourceRef {
  const at = locate(plan, source.id, base);
  if (at.kind === 'paragraph') return { href: `${at.href}:~:text=${textFragment(source.quote)}`, where: at.place };
  if (at.kind === 'section') return { href: at.href, where: `${at.place} 标题` };
  return { href: at.href, where: at.place };
}
