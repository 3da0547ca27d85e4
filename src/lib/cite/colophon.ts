/**
 * The notice and colophon of every Word file and PDF: what this edition is, which
 * edition, where it lives and how to cite it. Pure: the caller passes the facts (site.ts,
 * edition.ts, deploy.ts, src/lib/cite), so the Word files and the PDFs say the same.
 */
import { chapterReference, citeEntry, type Bibliography } from './index.ts';
import type { Plan } from '../plan/outline.ts';

export interface ColophonFacts {
  /** notice.short and notice.official of src/config/site.ts. */
  notice: { short: string; official: string };
  /** editionDate(): YYYY-MM-DD. */
  editionDate: string;
  /** The page of this chapter (or of the whole plan); undefined when the deployer set no SITE_URL. */
  url?: string | undefined;
  /** The GB/T 7714 reference of this chapter (or of the whole plan); only with a url. */
  reference?: string | undefined;
}

/** Said instead of an address when the edition has none: never a made-up one. */
export const NO_ADDRESS = '本版尚无固定网址。';

export function colophonLines(facts: ColophonFacts): string[] {
  return [
    facts.notice.short,
    facts.notice.official,
    `版本日期：${facts.editionDate}（本版内容最后修改之日）`,
    facts.url ? `网址：${facts.url}` : `网址：${NO_ADDRESS}`,
    facts.url && facts.reference
      ? `引用格式（GB/T 7714—2015，“引用日期”处填实际访问日期）：${facts.reference}`
      : `引用格式（GB/T 7714—2015）：${NO_ADDRESS}电子资源须注明获取和访问路径，故暂不给出。`,
  ];
}

/**
 * The colophon's facts for a chapter (or, without one, the whole plan): its public page when
 * the deployer gave an origin (SITE_URL), and the reference that cites it there, with the
 * edition date as 更新或修改日期. The reader fills in 引用日期, as GB/T 7714 asks.
 */
export function colophonFacts(plan: Plan, bib: Bibliography, notice: ColophonFacts['notice'], editionDate: string, chapter: number | undefined, deployment: { site: string | undefined; base: string }): ColophonFacts {
  const id = chapter === undefined ? undefined : plan.chapters.find((c) => c.chapter === chapter)?.id;
  if (chapter !== undefined && !id) throw new Error(`colophonFacts: the plan has no chapter ${chapter}`);
  const { url } = citeEntry(plan, id, deployment.base, deployment.site);
  const reference = chapterReference(plan, chapter, { bib, origin: deployment.site, base: deployment.base, updated: editionDate });
  return { notice, editionDate, url, reference };
}

/**
 * The title a file of this edition carries (PDF and Word properties, the colophon's first line):
 * the plan's title, and the chapter's heading when the file is one chapter.
 */
export function editionTitle(plan: Plan, planTitle: string, chapter: number | undefined): string {
  if (chapter === undefined) return planTitle;
  const section = plan.chapters.find((c) => c.chapter === chapter);
  if (!section) throw new Error(`editionTitle: the plan has no chapter ${chapter}`);
  return `${planTitle}　${section.text}`;
}

/** The subject a file of this edition carries: what it is. */
export function editionSubject(planTitle: string): string {
  return `${planTitle}（非官方校读本）`;
}
