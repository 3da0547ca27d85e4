import { locate } from '../plan/locate.ts';
import type { Plan } from '../plan/outline.ts';
import { chapterPath, withBase } from '../url.ts';
import { gbtReference, type Bibliography } from './gbt.ts';
import { citedPlace } from './place.ts';

/** One citable place: what a citation of it names and where it is. */
export interface CiteEntry {
  /** The plan id; undefined for the whole plan. */
  id: string | undefined;
  /** A key for reference managers and BibTeX: ASCII, unique, stable (qhplan-sec-4-3). */
  key: string;
  /** citedPlace(); empty for the whole plan. */
  place: string;
  /** Site path under the base: the chapter page (with the id as fragment below chapter level), or plan/. */
  href: string;
  /** The absolute URL: only when the deployer gave the public origin (SITE_URL). */
  url: string | undefined;
}

/**
 * The entry of an id (or of the whole plan). A chapter is cited by its page, anything below by
 * its anchor on its chapter page. `origin` is the public origin without a trailing slash.
 */
export function citeEntry(plan: Plan, id: string | undefined, base: string, origin?: string): CiteEntry {
  let href: string;
  if (id === undefined) href = withBase('plan/', base);
  else {
    const at = locate(plan, id, base);
    href = at.kind === 'section' && at.section.kind === 'chapter' && at.section.id === id ? withBase(chapterPath(at.chapter), base) : at.href;
  }
  return { id, key: id ? `qhplan-${id}` : 'qhplan', place: id ? citedPlace(plan, id) : '', href, url: origin ? `${origin}${href}` : undefined };
}

export interface ReferenceFacts {
  bib: Bibliography;
  /** The public origin (SITE_URL); without it there is no reference (GB/T 7714 needs the address). */
  origin: string | undefined;
  base: string;
  /** 更新或修改日期: the edition date. */
  updated?: string | undefined;
  /** 引用日期; by default the words 引用日期, for the reader to fill in (a file cannot know when it is read). */
  accessed?: string;
}

/** The GB/T 7714 reference of an id (or of the whole plan); undefined without a public origin. */
export function placeReference(plan: Plan, id: string | undefined, facts: ReferenceFacts): string | undefined {
  const entry = citeEntry(plan, id, facts.base, facts.origin);
  if (!entry.url) return undefined;
  return gbtReference(facts.bib, { place: entry.place, url: entry.url, updated: facts.updated }, facts.accessed ?? '引用日期');
}

/** The reference of a chapter (1…6, 0 for the preamble) or, without a chapter, of the whole plan: for the PDF and Word colophons. */
export function chapterReference(plan: Plan, chapter: number | undefined, facts: ReferenceFacts): string | undefined {
  const id = chapter === undefined ? undefined : chapter === 0 ? plan.root.id : plan.chapters.find((c) => c.chapter === chapter)?.id;
  if (chapter !== undefined && !id) throw new Error(`chapterReference: the plan has no chapter ${chapter}`);
  return placeReference(plan, id, facts);
}
