/**
 * Opening the Word files as an office suite does: LibreOffice Writer, headless, converts every
 * .docx to ODT, PDF and plain text in one call per format (it is slow to start), with a user
 * profile of its own so parallel runs do not share one. The ODT's content.xml is then read as
 * LibreOffice understood the file: which paragraphs are headings (text:h, outline level),
 * which are footnotes (text:note), what text each paragraph holds.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export const FORMATS = { odt: 'odt', pdf: 'pdf', txt: 'txt:Text (encoded):UTF8' } as const;

/**
 * Converts every file to every format; returns the folder. The result is kept under .build/ by
 * the files' hash, so a test worker that restarts after a failure does not convert them again.
 */
export function convertAll(files: string[], cacheRoot = '.build/docx-office'): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(basename(f)).update(readFileSync(f));
  const key = hash.digest('hex').slice(0, 16);
  const done = join(cacheRoot, key);
  if (existsSync(done)) return done;
  rmSync(cacheRoot, { recursive: true, force: true });
  mkdirSync(cacheRoot, { recursive: true });
  const out = mkdtempSync(join(cacheRoot, 'converting-'));
  // A user profile of its own: two LibreOffice processes on one profile block each other.
  const profile = mkdtempSync(join(tmpdir(), 'docx-office-profile-'));
  try {
    for (const [extension, filter] of Object.entries(FORMATS)) {
      const run = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', out, ...files], { encoding: 'utf8', timeout: 240_000 });
      if (run.error) throw new Error(`soffice could not run (${run.error.message}): install LibreOffice with pipeline/setup.sh (apt-get install -y libreoffice-writer-nogui)`);
      const missing = files.map((f) => join(out, basename(f).replace(/\.docx$/, `.${extension}`))).filter((f) => !existsSync(f));
      if (run.status !== 0 || missing.length) throw new Error(`soffice --convert-to ${filter} failed (exit ${run.status}; missing ${missing.join(', ')}):\n${run.stderr}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  renameSync(out, done);
  return done;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (xml: string) => xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
/** Style names as written in ODT, where LibreOffice spells characters a name may not hold as _hhhh_. */
const styleName = (name: string) => decode(name).replace(/_([0-9a-f]{4})_/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

/** The text of an ODT fragment: spaces and tabs as written, every other element dropped. */
function textOf(xml: string): string {
  return decode(xml
    .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => ' '.repeat(Number(n)))
    .replace(/<text:s\/>/g, ' ')
    .replace(/<text:tab\/>/g, '\t')
    .replace(/<text:line-break\/>/g, '\n')
    .replace(/<[^>]+>/g, ''));
}

export interface OdtParagraph {
  /** text:h (a heading, with its outline level) or text:p. */
  heading: boolean;
  level?: number;
  /** The paragraph style, or the style an automatic style (P1, P2…) is based on. */
  style: string;
  /** The text with footnotes, cross-reference fields and images taken out. */
  text: string;
  /** How many footnote citations (text:note) the paragraph holds. */
  notes: number;
  lineBreaks: number;
}

export interface OdtNote { citation: string; text: string }

export interface Odt { paragraphs: OdtParagraph[]; footnotes: OdtNote[]; endnotes: number; crossReferences: string[]; images: { name: string; title: string }[] }

export function readOdt(path: string): Odt {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path)), { filter: (f) => f.name === 'content.xml' })['content.xml']!);
  const parents = new Map([...xml.matchAll(/<style:style style:name="([^"]+)" style:family="paragraph" style:parent-style-name="([^"]+)"/g)].map((m) => [m[1]!, styleName(m[2]!)]));
  let body = xml.slice(xml.indexOf('<office:text'));
  const footnotes: OdtNote[] = [];
  let endnotes = 0;
  // Notes do not nest; each is replaced by a mark so the paragraph's own text is left.
  body = body.replace(/<text:note [^>]*text:note-class="(\w+)"[^>]*>([\s\S]*?)<\/text:note>/g, (_, kind: string, inner: string) => {
    if (kind === 'footnote') footnotes.push({ citation: textOf(inner.match(/<text:note-citation[^>]*>([\s\S]*?)<\/text:note-citation>/)?.[1] ?? ''), text: textOf(inner.replace(/<text:note-citation[\s\S]*?<\/text:note-citation>/, '')) });
    else endnotes += 1;
    return '<text:note-mark/>';
  });
  const crossReferences: string[] = [];
  body = body.replace(/<field:fieldmark-start[^>]*>([\s\S]*?)<field:fieldmark-end\/>/g, (_, inner: string) => {
    crossReferences.push(decode(inner.match(/field:name="vnd\.oasis\.opendocument\.field\.code" field:value="([^"]*)"/)?.[1] ?? ''));
    return '';
  });
  const images = [...body.matchAll(/<draw:frame [^>]*draw:name="([^"]*)"[^>]*>([\s\S]*?)<\/draw:frame>/g)].filter((m) => m[2]!.includes('<draw:image')).map((m) => ({ name: m[1]!, title: textOf(m[2]!.match(/<svg:title>([\s\S]*?)<\/svg:title>/)?.[1] ?? '') }));
  body = body.replace(/<draw:frame[\s\S]*?<\/draw:frame>/g, '');
  const paragraphs = [...body.matchAll(/<text:(p|h)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/text:\1>)/g)].map((m): OdtParagraph => {
    const attributes = m[2]!;
    const inner = m[3] ?? '';
    const own = attributes.match(/text:style-name="([^"]*)"/)?.[1] ?? '';
    const level = attributes.match(/text:outline-level="(\d+)"/)?.[1];
    return {
      heading: m[1] === 'h', ...(level ? { level: Number(level) } : {}), style: parents.get(own) ?? styleName(own),
      text: textOf(inner), notes: (inner.match(/<text:note-mark\/>/g) ?? []).length, lineBreaks: (inner.match(/<text:line-break\/>/g) ?? []).length,
    };
  });
  return { paragraphs, footnotes, endnotes, crossReferences, images };
}

/** Words of a PDF page with their boxes (poppler's pdftotext -bbox), in points from the top left. */
export interface PdfWord { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }

export function pdfWords(path: string): { pages: { width: number; height: number }[]; words: PdfWord[] } {
  const html = spawnSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
  const pages: { width: number; height: number }[] = [];
  const words: PdfWord[] = [];
  for (const page of html.split('<page ').slice(1)) {
    const [, width, height] = page.match(/^width="([\d.]+)" height="([\d.]+)"/)!;
    pages.push({ width: Number(width), height: Number(height) });
    for (const w of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({ page: pages.length, text: decode(w[5]!), xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]) });
    }
  }
  return { pages, words };
}
