/**
 * The interactive drawings as files of their own, so a chapter page (or /plan/) need not carry
 * them: the page shows each drawing as an <img> of its file, and src/client/figures.ts swaps in
 * the file's markup (the very SVG /figures/N/ inlines) when the figure nears the viewport. The
 * print step and the tests ask for every figure at once with UPGRADE_EVENT and wait until each
 * is in its final state. One place for the names both sides use.
 */

/** 图1 has a wide drawing (desktop, print) and a narrow one (phones); the others have one. */
export type Variant = 'wide' | 'narrow';

/** The site path of a drawing's file (the inline markup, light colours as attributes). */
export function drawingPath(n: number, variant: Variant = 'wide'): string {
  return `figures/${n}/${variant}.svg`;
}

/** On the figure's root (`[data-roadmap]`): where its drawings stand. */
export const STATE_ATTRIBUTE = 'data-drawing';
/** An <img> of the drawing's file, waiting for the figure to near the viewport. */
export const STATIC = 'static';
/** The inline SVG, with keyboard, tooltips and the filter: the final state. */
export const INTERACTIVE = 'interactive';
/** Fetching the file failed: the picture stays, complete, with its link to /figures/N/. */
export const FAILED = 'failed';

/** Dispatched on document: upgrade every figure of the page now (printing, tests). */
export const UPGRADE_EVENT = 'roadmap:upgrade-all';
