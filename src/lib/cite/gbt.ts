/**
 * Citations of the plan, a section or a paragraph: GB/T 7714-2015 reference, short in-text form
 * and plain URL. Pure, so the build, the client script and the tests share one implementation.
 * Unset bibliographic facts (issuer, date, document number) are left out, never guessed.
 */
export interface Bibliography {
  title: string;
  /** 主要责任者: the issuing body. */
  issuer?: string | undefined;
  /** Date of issue, YYYY-MM-DD (or YYYY). */
  date?: string | undefined;
  /** 文号, e.g. 青政〔2011〕1号. */
  documentNumber?: string | undefined;
}

export interface CiteTarget {
  /** The cited place (citedPlace(): "四、主要任务", "四（三）1（10）… 第2段"); empty for the whole plan. */
  place: string;
  /** The permanent URL, with the anchor of the section or paragraph. */
  url: string;
  /** 更新或修改日期: this edition's date (src/config/edition.ts), YYYY-MM-DD. */
  updated?: string | undefined;
}

export interface Citation { reference: string; short: string; url: string }

/** 引用日期 as GB/T 7714 writes it: YYYY-MM-DD (local calendar date of the reader). */
export function accessDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * GB/T 7714-2015 §4.8 (electronic resource):
 *   主要责任者. 题名: 其他题名信息[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径.
 * The document number and the cited place are 其他题名信息; each unset part drops with its
 * punctuation. The date in parentheses is the edition's (when given), else the issue date.
 */
export function gbtReference(bib: Bibliography, target: CiteTarget, accessed: string): string {
  const author = bib.issuer ? `${bib.issuer}. ` : '';
  const other = [bib.documentNumber, target.place].filter(Boolean).map((s) => `: ${s}`).join('');
  const date = target.updated ?? bib.date;
  const issued = date ? `(${date})` : '';
  return `${author}${bib.title}${other}[EB/OL]. ${issued}[${accessed}]. ${target.url}.`;
}

/** Short in-text form: 《题名》place, with the issuer and year in front when they are known. */
export function shortCitation(bib: Bibliography, target: CiteTarget): string {
  const who = [bib.issuer, bib.date?.slice(0, 4)].filter(Boolean).join('，');
  return `${who ? `${who}：` : ''}《${bib.title}》${target.place}`;
}

export function citation(bib: Bibliography, target: CiteTarget, accessed: string): Citation {
  return { reference: gbtReference(bib, target, accessed), short: shortCitation(bib, target), url: target.url };
}
