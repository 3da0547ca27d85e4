import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployment } from '../../src/config/deploy.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';

export const { plan } = loadPlan();

/** Each non-blank source line, with the chapter it belongs to (0 = preamble), in order. */
export function sourceLinesByChapter(): { line: number; chapter: number; text: string }[] {
  const chapterOfLine = new Map<number, number>();
  for (const block of plan.blocks) chapterOfLine.set(block.line, block.chapter);
  return readFileSync('content/source/plan.txt', 'utf8').split('\n').flatMap((raw, i) => {
    const text = raw.replace(/^[ 　\t]*/u, '');
    return text ? [{ line: i + 1, chapter: chapterOfLine.get(i + 1) ?? 0, text }] : [];
  });
}

/** Every id the plan defines, by the chapter whose page shows it. */
export function idsByChapter(): Map<number, string[]> {
  const map = new Map<number, string[]>();
  const add = (chapter: number, id: string) => map.set(chapter, [...(map.get(chapter) ?? []), id]);
  for (const s of plan.sections.values()) if (s !== plan.root) add(s.chapter, s.id);
  for (const b of plan.blocks) if (b.kind !== 'heading') add(b.chapter, b.id);
  return map;
}

/** Every page in the built sitemap, as a path under the base ("/chapters/4/"): what readers and crawlers can reach. */
export function sitemapPages(dist = 'dist'): string[] {
  const base = deployment().base;
  const files = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const locs = files.flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
  return locs.map((p) => `/${p.slice(base.length)}`).sort();
}

export const chapterUrl = (chapter: number) => (chapter === 0 ? '/' : `/chapters/${chapter}/`);

/** Visible text of a page's article with everything editorial or interactive removed. */
export const ORIGINAL_TEXT_SCRIPT = (selector: string) => {
  const root = document.querySelector(selector);
  if (!root) return '';
  const clone = root.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[data-editorial], [data-ui], script, style, svg, template').forEach((el) => el.remove());
  return clone.textContent ?? '';
};
