import { readFileSync } from 'node:fs';
import { builtPagePaths } from '../../pipeline/sitemap.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';

export const { plan } = loadPlan();

/** Each non-blank source line, with the chapter it belongs to (0 = preamble), in order. */
export function sourceLinesByChapter(): { line: number; chapter: number; text: string }[] {
  const chapterOfLine = new Map<number, number>();
  for (const item of [...plan.sections.values(), ...plan.paragraphs.values(), ...plan.keyTechnologies.values(), ...plan.figures.values()]) {
    if (item.id !== 'preamble') chapterOfLine.set(item.line, item.chapter);
  }
  return readFileSync('content/source/plan.txt', 'utf8').split('\n').flatMap((raw, i) => {
    const text = raw.replace(/^[ 　\t]*/u, '');
    return text ? [{ line: i + 1, chapter: chapterOfLine.get(i + 1) ?? 0, text }] : [];
  });
}

/** Every id the plan defines, by the chapter whose page shows it. */
export function idsByChapter(): Map<number, string[]> {
  const map = new Map<number, string[]>();
  const add = (chapter: number, id: string) => map.set(chapter, [...(map.get(chapter) ?? []), id]);
  for (const s of plan.sections.values()) if (s.id !== 'preamble') add(s.chapter, s.id);
  for (const p of plan.paragraphs.values()) add(p.chapter, p.id);
  for (const k of plan.keyTechnologies.values()) add(k.chapter, k.id);
  for (const f of plan.figures.values()) add(f.chapter, f.id);
  return map;
}

/** Every page of the built site, as a URL path (the list the sitemap is written from). */
export const builtPages = (dist = 'dist') => builtPagePaths(dist).map((p) => `/${p}`);

export const chapterUrl = (chapter: number) => (chapter === 0 ? '/' : `/chapters/${chapter}/`);

/** Visible text of a page's article with everything editorial or interactive removed. */
export const ORIGINAL_TEXT_SCRIPT = (selector: string) => {
  const root = document.querySelector(selector);
  if (!root) return '';
  const clone = root.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[data-editorial], [data-ui], script, style, svg, template').forEach((el) => el.remove());
  return clone.textContent ?? '';
};
