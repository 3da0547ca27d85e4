import type { Page } from 'playwright';
import { INTERACTIVE, STATE_ATTRIBUTE, STATIC, UPGRADE_EVENT } from '../src/lib/figures/drawings.ts';

/**
 * Brings every rebuilt figure of a loaded page to its final state, the inline SVG (chapter pages
 * and /plan/ load them as pictures and swap them in near the viewport, src/client/figures.ts),
 * and waits for it. Printing (preparePrint) and the tests that look at figures call this, so
 * they never see a figure between its two states. Returns the figures that did not get there.
 */
export async function upgradeFigures(page: Page, timeout = 30_000): Promise<string[]> {
  const names = { attr: STATE_ATTRIBUTE, pending: STATIC, done: INTERACTIVE, event: UPGRADE_EVENT };
  await page.evaluate(({ event }) => document.dispatchEvent(new Event(event)), names);
  await page.waitForFunction(({ attr, pending }) => !document.querySelector(`[data-roadmap][${attr}="${pending}"]`), names, { timeout });
  return page.evaluate(({ attr, done }) => [...document.querySelectorAll(`[data-roadmap]:not([${attr}="${done}"])`)].map((el) => `${el.getAttribute('data-roadmap')} (${el.getAttribute(attr) ?? 'no state'})`), names);
}
