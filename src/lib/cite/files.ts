import type { Plan } from '../plan/outline.ts';
import { citeEntry, type CiteEntry } from './entry.ts';
import { toBibtex, toCslJson, toRis, type FormatFacts } from './formats.ts';
import { citableIds } from './place.ts';
import { locate } from '../plan/locate.ts';

/**
 * The citation files of /cite/, small enough to import: plan.* (the whole plan, the preamble and
 * the six chapters), then one set per part (preamble.*, chapter-1.* … chapter-6.*) with every
 * citable place of that part. Each in three formats.
 */
export interface CiteGroup {
  /** File stem: plan, preamble, chapter-4. */
  name: string;
  /** The part's chapter (0 for the preamble); undefined for plan.*. */
  chapter: number | undefined;
  /** The ids in reading order; undefined stands for the whole plan. */
  ids: (string | undefined)[];
}

export const CITE_FORMATS = [
  { ext: 'ris', label: 'RIS', type: 'application/x-research-info-systems' },
  { ext: 'bib', label: 'BibTeX', type: 'application/x-bibtex' },
  { ext: 'csl.json', label: 'CSL-JSON', type: 'application/vnd.citationstyles.csl+json' },
] as const;

export type CiteFormat = (typeof CITE_FORMATS)[number]['ext'];

export function citeGroups(plan: Plan): CiteGroup[] {
  const ids = citableIds(plan);
  const parts = [plan.root, ...plan.chapters];
  return [
    { name: 'plan', chapter: undefined, ids: [undefined, ...parts.map((p) => p.id)] },
    ...parts.map((p) => ({
      name: p.chapter === 0 ? 'preamble' : `chapter-${p.chapter}`,
      chapter: p.chapter,
      ids: ids.filter((id) => locate(plan, id).chapter === p.chapter),
    })),
  ];
}

export interface CiteFileFacts extends FormatFacts { base: string; origin: string | undefined }

export function citeFile(plan: Plan, group: CiteGroup, format: CiteFormat, facts: CiteFileFacts): string {
  const entries: CiteEntry[] = group.ids.map((id) => citeEntry(plan, id, facts.base, facts.origin));
  switch (format) {
    case 'ris': return toRis(entries, facts);
    case 'bib': return toBibtex(entries, facts);
    case 'csl.json': return toCslJson(entries, facts);
  }
}
