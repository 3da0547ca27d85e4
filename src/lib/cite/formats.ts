import type { Bibliography } from './gbt.ts';
import type { CiteEntry } from './entry.ts';

/**
 * The citation files for reference managers: CSL-JSON, RIS and BibTeX (biblatex @online). Each
 * place is a web page (CSL "webpage", RIS "ELEC", @online), which Zotero, EndNote and citation-js
 * import as a web page, never as a journal article. Only facts that are set go in: the issuer
 * and date stay out while src/config/site.ts leaves them unset; the URL only with SITE_URL. No
 * access date: a file made at build time cannot know when it is read (the reader's reference
 * manager adds it, or the reader does).
 */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'webpage';
  title: string;
  language: string;
  URL?: string;
  author?: { literal: string }[];
  publisher?: string;
  issued?: { 'date-parts': number[][] };
  note: string;
}

export interface FormatFacts {
  bib: Bibliography & { language: string };
  /** What the edition is, in one sentence (notice.short), and its date. */
  note: string;
}

/** 题名: 其他题名信息, as in the GB/T 7714 reference. */
function titleOf(bib: Bibliography, entry: CiteEntry): string {
  return [bib.title, bib.documentNumber, entry.place].filter(Boolean).join(': ');
}

function dateParts(date: string): number[] {
  return date.split('-').map(Number);
}

export function cslItem(entry: CiteEntry, facts: FormatFacts): CslItem {
  const { bib } = facts;
  return {
    id: entry.key,
    'citation-key': entry.key,
    type: 'webpage',
    title: titleOf(bib, entry),
    language: bib.language,
    ...(entry.url ? { URL: entry.url } : {}),
    ...(bib.issuer ? { author: [{ literal: bib.issuer }], publisher: bib.issuer } : {}),
    ...(bib.date ? { issued: { 'date-parts': [dateParts(bib.date)] } } : {}),
    note: facts.note,
  };
}

export function toCslJson(entries: CiteEntry[], facts: FormatFacts): string {
  return `${JSON.stringify(entries.map((e) => cslItem(e, facts)), null, 1)}\n`;
}

/** RIS (RefMan): one tag a line, CRLF, each record closed by ER. */
export function toRis(entries: CiteEntry[], facts: FormatFacts): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}\r\n`;
  return entries.map((entry) => {
    const item = cslItem(entry, facts);
    return [
      line('TY', 'ELEC'),
      line('ID', item.id),
      line('TI', item.title),
      ...(item.author ?? []).map((a) => line('AU', a.literal)),
      ...(item.publisher ? [line('PB', item.publisher)] : []),
      ...(item.issued ? [line('DA', item.issued['date-parts'][0]!.map((n) => String(n).padStart(2, '0')).join('/'))] : []),
      line('LA', item.language),
      ...(item.URL ? [line('UR', item.URL)] : []),
      line('N1', item.note),
      line('ER', ''),
    ].join('');
  }).join('\r\n');
}

/** LaTeX's special characters, escaped in BibTeX field values (the url field is verbatim). */
function tex(value: string): string {
  return value.replace(/[\\{}%&$#_^~]/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' || c === '~' ? `\\${c}{}` : `\\${c}`));
}

/** biblatex: @online with title, language, url, note; author (in double braces: an organisation) and date only when set. */
export function toBibtex(entries: CiteEntry[], facts: FormatFacts): string {
  return entries.map((entry) => {
    const item = cslItem(entry, facts);
    const fields: [string, string][] = [
      ['title', tex(item.title)],
      ...(item.author ? item.author.map((a): [string, string] => ['author', `{${tex(a.literal)}}`]) : []),
      ...(item.publisher ? [['publisher', tex(item.publisher)] as [string, string]] : []),
      ...(facts.bib.date ? [['date', facts.bib.date] as [string, string]] : []),
      ['language', item.language],
      ...(item.URL ? [['url', item.URL] as [string, string]] : []),
      ['note', tex(item.note)],
    ];
    return `@online{${item.id},\n${fields.map(([k, v]) => `  ${k} = {${v}},`).join('\n')}\n}\n`;
  }).join('\n');
}
