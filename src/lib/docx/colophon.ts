/**
 * The notice and colophon on the first page of every Word file: what this edition is, which
 * edition, where it lives and how to cite it. Pure: the caller passes the facts (site.ts,
 * edition.ts, deploy.ts, src/lib/cite), so one colophon can later serve the PDFs as well.
 */
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
