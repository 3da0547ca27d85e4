import {
  AlignmentType, Bookmark, Document, DocumentGridType, ExternalHyperlink, Footer, FootnoteReferenceRun, HeadingLevel, ImageRun, LineRuleType, Packer,
  PageNumber, Paragraph, SectionType, SimpleField, TextRun, UnderlineType, type IParagraphStyleOptions, type ISectionOptions, type ParagraphChild,
} from 'docx';
import { CONDENSE_TWIPS, FACES, FOOTER_TWIPS, LINE_PITCH_TWIPS, MARGIN_MM, mmToTwips, PAGE_MM, SIZE_PT, TEXT_MM, type Face } from './gbt9704.ts';
import { CORE_PART, corePropertiesXml, FONT_TABLE_PART, fontTableXml, type CoreProperties } from './parts.ts';
import type { DocItem, DocModel, Inline } from './model.ts';

/**
 * DocModel → a Word document: GB/T 9704 page and type, Word's built-in heading styles (so the
 * navigation pane, outline view and an automatic table of contents work), the plan's printed
 * numbering kept as text (no Word list numbering that could renumber it), one Word paragraph
 * per printed paragraph, editorial notes as real footnotes, rebuilt figures as SVG images with
 * a PNG fallback. Pure: images and facts come in as arguments; nothing is read from disk.
 */

export interface FigureImage {
  n: number;
  caption: string;
  svg: Uint8Array;
  png: Uint8Array;
  /** The SVG's own size in CSS pixels. */
  width: number;
  height: number;
  /** The figure's page on the site; undefined without a SITE_URL. */
  url?: string | undefined;
}

export interface WordEdition {
  properties: CoreProperties;
  /** The cover: the plan's title, then (for a chapter) the chapter's heading as printed. */
  coverTitle: string;
  coverSubtitle?: string;
  /** colophonLines(): the notice, edition date, address and citation. */
  colophon: string[];
  /** The edition's address, made a link wherever the colophon writes it. */
  url?: string | undefined;
}

const pt = (points: number) => Math.round(points * 2); // half-points, Word's unit for type sizes
const fonts = (eastAsia: Face, latin: Face = FACES.latin) => ({ ascii: latin.name, hAnsi: latin.name, cs: latin.name, eastAsia: eastAsia.name });
const LINE = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT } as const;
/** Exact spacing for the smaller editorial type, which would otherwise snap to the 28.95 pt body grid. */
const exactly = (points: number) => ({ line: Math.round(points * 20), lineRule: LineRuleType.EXACT });
const INDENT_2_CHARS = { firstLineChars: 200, firstLine: SIZE_PT.body * 2 * 20 } as const;

/** The edition's own styles (Word shows its built-in ones by their localised names: 标题 1, 题注, 脚注文本). */
export const STYLE = {
  colophon: { id: 'Colophon', name: '编者说明（首页）' },
  editorial: { id: 'EditorialNote', name: '编者说明' },
  figure: { id: 'FigureImage', name: '编者重建图' },
  noteTarget: { id: 'NoteTarget', name: '编者注所指原文' },
} as const;

/** Paragraph styles (by name) of everything the editor adds: the title page, figures, captions, notes. */
export const EDITORIAL_PARAGRAPH_STYLES = ['Title', 'Subtitle', 'caption', STYLE.colophon.name, STYLE.editorial.name, STYLE.figure.name];

/** GB/T 9704 heading faces: 一级 黑体, 二级 楷体, 三级 仿宋 bold, 四级 仿宋 (the body face). */
const HEADING_FACES: Record<1 | 2 | 3 | 4, { face: Face; bold: boolean }> = {
  1: { face: FACES.hei, bold: false },
  2: { face: FACES.kai, bold: false },
  3: { face: FACES.fangsong, bold: true },
  4: { face: FACES.fangsong, bold: false },
};

function headingStyle(level: 1 | 2 | 3 | 4): IParagraphStyleOptions {
  const { face, bold } = HEADING_FACES[level];
  return {
    id: `Heading${level}`, name: `heading ${level}`, basedOn: 'Normal', next: 'Normal', quickFormat: true,
    // outlineLevel is what LibreOffice and WPS read as "this is a heading"; Word knows the style by name.
    paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing: LINE, indent: INDENT_2_CHARS, alignment: AlignmentType.JUSTIFIED },
    run: { font: fonts(face), size: pt(SIZE_PT.body), characterSpacing: CONDENSE_TWIPS, bold, italics: false, color: '000000' },
  };
}

const editorialRun = { font: fonts(FACES.hei), size: pt(SIZE_PT.editorial), color: '333333', characterSpacing: 0 } as const;

function paragraphStyles(): IParagraphStyleOptions[] {
  return [
    {
      id: 'Normal', name: 'Normal', quickFormat: true,
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: LINE, indent: INDENT_2_CHARS },
      run: { font: fonts(FACES.fangsong), size: pt(SIZE_PT.body), characterSpacing: CONDENSE_TWIPS },
    },
    headingStyle(1), headingStyle(2), headingStyle(3), headingStyle(4),
    {
      id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: Math.round(LINE_PITCH_TWIPS * 1.5), lineRule: LineRuleType.EXACT, after: LINE_PITCH_TWIPS } },
      run: { font: fonts(FACES.title), size: pt(SIZE_PT.title), color: '000000', characterSpacing: 0 },
    },
    {
      id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { ...LINE, after: LINE_PITCH_TWIPS } },
      run: { font: fonts(FACES.hei), size: pt(SIZE_PT.body), color: '000000', characterSpacing: 0 },
    },
    {
      ...STYLE.colophon, basedOn: 'Normal', quickFormat: true,
      paragraph: { alignment: AlignmentType.LEFT, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { ...exactly(20), after: 120 } },
      run: { ...editorialRun, size: pt(12) },
    },
    {
      ...STYLE.editorial, basedOn: 'Normal', quickFormat: true,
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { ...exactly(16), after: 120 } },
      run: editorialRun,
    },
    {
      ...STYLE.figure, basedOn: 'Normal', next: 'Caption',
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120 }, keepNext: true, keepLines: true },
    },
    {
      id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { ...exactly(18), after: 60 }, keepNext: true },
      run: { font: fonts(FACES.hei), size: pt(12), color: '000000', characterSpacing: 0 },
    },
    {
      id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', link: 'FootnoteTextChar',
      paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { ...exactly(15), after: 60 } },
      run: editorialRun,
    },
  ];
}

function characterStyles() {
  return [
    // The words an editorial note is about: marked, never changed (the site's dotted underline).
    { ...STYLE.noteTarget, basedOn: 'DefaultParagraphFont', run: { underline: { type: UnderlineType.DOTTED, color: '666666' } } },
  ];
}

/** Word's bookmark on a footnote's reference mark, for the NOTEREF cross-references to it. */
const noteBookmark = (index: number) => `_RefNote${index + 1}`;

/** A cross-reference that prints the number of a footnote placed elsewhere, formatted like a footnote mark. */
class NoteReference extends SimpleField {
  constructor(index: number) {
    super(`NOTEREF ${noteBookmark(index)} \\f \\h`);
    this.root.push(new TextRun({ text: String(index + 1), style: 'FootnoteReference' }));
  }
}

function runs(inlines: Inline[]): ParagraphChild[] {
  return inlines.map((inline) => {
    switch (inline.kind) {
      case 'text': return new TextRun({ text: inline.text, ...(inline.strong ? { bold: true } : {}), ...(inline.noteTarget ? { style: STYLE.noteTarget.id } : {}) });
      case 'footnote': return new Bookmark({ id: noteBookmark(inline.index), children: [new FootnoteReferenceRun(inline.index + 1)] });
      case 'noteRef': return new NoteReference(inline.index);
    }
  });
}

/** Text with the address in it made a clickable link (Word's Hyperlink style). */
function withLink(text: string, url: string | undefined): ParagraphChild[] {
  const at = url ? text.indexOf(url) : -1;
  if (!url || at < 0) return [new TextRun(text)];
  return [
    ...(at > 0 ? [new TextRun(text.slice(0, at))] : []),
    new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: 'Hyperlink' })] }),
    ...(at + url.length < text.length ? withLink(text.slice(at + url.length), url) : []),
  ];
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const MM_PX = 96 / 25.4;

/** Fits a figure to the text block's width (and, for a tall one, to most of its height). */
export function figureSize(width: number, height: number): { width: number; height: number } {
  const maxWidth = TEXT_MM.width * MM_PX;
  const maxHeight = TEXT_MM.height * 0.8 * MM_PX; // leaves room for the caption and its note on the page
  const scale = Math.min(maxWidth / width, maxHeight / height);
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

function figureNote(n: number, figure: FigureImage | undefined): string {
  if (!figure) return `编者注：原文未收录图${n}，仅注“（略）”。`;
  // The drawing's own legend says what its lines rest on; the note only says what the figure is.
  const where = figure.url ? `在线版中每个节点都链接到所据原文：${figure.url}` : '在线版中每个节点都链接到所据原文（本版尚无固定网址）。';
  return `编者注：原文此处仅注“图${n}（略）”，未收录原图。上图据本节正文重建，连线的依据见图中图例；${where}`;
}

function figureParagraphs(item: Extract<DocItem, { kind: 'figure' }>, figure: FigureImage | undefined): Paragraph[] {
  // The printed words "图N（略）" stay a paragraph of their own, exactly as printed.
  const printed = new Paragraph({ children: runs(item.inlines), keepNext: Boolean(figure) });
  if (!figure) return [printed, new Paragraph({ style: STYLE.editorial.id, children: withLink(figureNote(item.n, figure), undefined) })];
  const size = figureSize(figure.width, figure.height);
  const title = `图${figure.n} ${figure.caption}（据正文重建）`;
  return [
    printed,
    new Paragraph({
      style: STYLE.figure.id,
      children: [new ImageRun({ type: 'svg', data: figure.svg, fallback: { type: 'png', data: figure.png }, transformation: size, altText: { name: `fig-${figure.n}`, title, description: title } })],
    }),
    new Paragraph({ style: 'Caption', children: [new TextRun(`图${figure.n}　${figure.caption}`), new TextRun({ text: '　据正文重建', color: '555555', size: pt(SIZE_PT.editorial) })] }),
    new Paragraph({ style: STYLE.editorial.id, children: withLink(figureNote(item.n, figure), figure.url) }),
  ];
}

function body(model: DocModel, figures: ReadonlyMap<number, FigureImage>): Paragraph[] {
  const wholePlan = model.chapter === undefined;
  return model.items.flatMap((item) => {
    switch (item.kind) {
      case 'heading':
        // In the whole plan each chapter starts a new page, as in plan.pdf.
        return [new Paragraph({ heading: HEADING[item.level], children: runs(item.inlines), ...(wholePlan && item.level === 1 ? { pageBreakBefore: true } : {}) })];
      case 'paragraph':
        return [new Paragraph({ children: runs(item.inlines) })];
      case 'figure':
        return figureParagraphs(item, figures.get(item.n));
    }
  });
}

function pageNumberFooter(alignment: 'right' | 'left'): Footer {
  const inset = SIZE_PT.pageNumber * 20; // one 4号 character in from the edge of the text block
  return new Footer({
    children: [new Paragraph({
      alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: alignment === 'right' ? { right: inset, firstLine: 0, firstLineChars: 0 } : { left: inset, firstLine: 0, firstLineChars: 0 },
      spacing: { line: SIZE_PT.pageNumber * 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts(FACES.song, FACES.song), size: pt(SIZE_PT.pageNumber), characterSpacing: 0 })],
    })],
  });
}

const page = {
  size: { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height) },
  margin: { top: mmToTwips(MARGIN_MM.top), bottom: mmToTwips(MARGIN_MM.bottom), left: mmToTwips(MARGIN_MM.left), right: mmToTwips(MARGIN_MM.right), header: mmToTwips(15), footer: FOOTER_TWIPS },
};
// A line grid only: 28 characters a line come from the condensed body type, not from a character
// grid, which LibreOffice lays out as two cells per character when the face is wider than a cell.
const grid = { type: DocumentGridType.LINES, linePitch: LINE_PITCH_TWIPS };

export function wordDocument(model: DocModel, edition: WordEdition, figures: ReadonlyMap<number, FigureImage> = new Map()): Document {
  const cover: ISectionOptions = {
    properties: { page, grid },
    children: [
      new Paragraph({ style: 'Title', children: [new TextRun(edition.coverTitle)] }),
      ...(edition.coverSubtitle ? [new Paragraph({ style: 'Subtitle', children: [new TextRun(edition.coverSubtitle)] })] : []),
      ...edition.colophon.map((line) => new Paragraph({ style: STYLE.colophon.id, children: withLink(line, edition.url) })),
    ],
  };
  const text: ISectionOptions = {
    properties: { type: SectionType.NEXT_PAGE, page: { ...page, pageNumbers: { start: 1 } }, grid },
    footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
    children: body(model, figures),
  };
  const footnotes = Object.fromEntries(model.footnotes.map((f, i) => [i + 1, {
    children: f.paragraphs.map((p) => new Paragraph({ style: 'FootnoteText', children: [new TextRun({ text: `${p.label}：`, bold: true }), new TextRun(p.text)] })),
  }]));
  const { title, subject, description } = edition.properties;
  return new Document({
    title, subject, description,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: fonts(FACES.fangsong), size: pt(SIZE_PT.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } },
      paragraphStyles: paragraphStyles(),
      characterStyles: characterStyles(),
    },
    footnotes,
    sections: [cover, text],
  });
}

/** The .docx bytes, with the font table and core properties this edition needs (see parts.ts). */
export async function packWordDocument(document: Document, properties: CoreProperties): Promise<Buffer> {
  return Packer.toBuffer(document, false, [
    { path: FONT_TABLE_PART, data: fontTableXml() },
    { path: CORE_PART, data: corePropertiesXml(properties) },
  ]);
}
