/**
 * Where a rebuilt figure goes in print. A figure cannot be cut across pages, so when it does not
 * fit the rest of a page Chromium pushes it to the next one; if that page was less than half
 * full, the reader meets a half-empty page. Like a float in typesetting, such a figure is moved
 * instead after the text that follows it, to the first point where either it fits or the page
 * before it is at least half full. Only editorial figures move; the plan's own words keep their
 * order (a slot's "图N（略）" stays where the source prints it).
 *
 * This is a model of the page flow, from block heights measured at the page's text width: text
 * blocks may break anywhere, headings stay with what follows, a forced break starts a page. The
 * PDF tests check the result on the printed file.
 */
export type FlowKind = 'text' | 'keep' | 'figure' | 'break';

export interface FlowBlock {
  id: string;
  kind: FlowKind;
  /** CSS px, margins included. */
  height: number;
  /** A figure printed on a page of its own (图1). */
  ownPage?: boolean;
}

export interface FloatMove { figure: string; after: string }

/** What a heading needs under it on the same page: about one line of text. */
const KEEP_WITH_NEXT = 40;

export function planFloats(blocks: readonly FlowBlock[], pageHeight: number, minFill = 0.5): FloatMove[] {
  const moves: FloatMove[] = [];
  const pending: FlowBlock[] = [];
  let used = 0;
  const fill = () => used / pageHeight;

  /** Puts a figure at the current point if it may go there; returns whether it did. */
  const place = (figure: FlowBlock, force: boolean): boolean => {
    if (figure.ownPage) {
      if (!force && used > 0 && fill() < minFill) return false;
      used = 0;
      return true;
    }
    if (used + figure.height <= pageHeight) { used += figure.height; return true; }
    if (!force && fill() < minFill) return false;
    used = figure.height;
    return true;
  };
  const flush = (after: string, force: boolean) => {
    while (pending.length && place(pending[0]!, force)) moves.push({ figure: pending.shift()!.id, after });
  };

  let last = '';
  for (const block of blocks) {
    switch (block.kind) {
      case 'break':
        flush(last, true);
        used = 0;
        break;
      case 'figure':
        if (pending.length || !place(block, false)) pending.push(block);
        break;
      case 'keep':
        if (used + block.height + KEEP_WITH_NEXT > pageHeight) used = 0;
        used += block.height;
        break;
      case 'text':
        used += block.height;
        while (used > pageHeight) used -= pageHeight;
        flush(block.id, false);
        break;
    }
    last = block.id;
  }
  flush(last, true);
  return moves;
}
