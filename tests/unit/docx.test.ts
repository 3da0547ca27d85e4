import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { colophonLines, NO_ADDRESS } from '../../src/lib/cite/colophon.ts';
import { figureSize, packWordDocument, wordDocument, type WordEdition } from '../../src/lib/docx/document.ts';
import { docxFile } from '../../src/lib/docx/files.ts';
import { CONDENSE_TWIPS, FOOTER_TWIPS, LINE_PITCH_TWIPS, mmToTwips, TEXT_MM } from '../../src/lib/docx/gbt9704.ts';
import { documentModel, itemText, type DocModel } from '../../src/lib/docx/model.ts';
import { footnoteContent } from '../../src/lib/docx/notes.ts';
import { corePropertiesXml, escapeXml, fontTableXml } from '../../src/lib/docx/parts.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { blocksOf } from '../../src/lib/plan/outline.ts';

const { plan } = loadPlan();
const notesIn = (chapter?: number) => new Set(plan.annotations.filter((a) => chapter === undefined || plan.blockById.get(a.blockId)!.chapter === chapter).map((a) => a.correctionId));
const footnoteOrder = (model: DocModel) => model.items.flatMap((item) => item.inlines.filter((i) => i.kind === 'footnote').map((i) => i.index));

test('file names', () => {
  assert.equal(docxFile(4), 'chapter-4.docx');
  assert.equal(docxFile(), 'plan.docx');
});

test('GB/T 9704 geometry: 22 lines of 28 characters in the 156 × 225 mm text block', () => {
  assert.deepEqual(TEXT_MM, { width: 156, height: 225 });
  assert.ok(LINE_PITCH_TWIPS * 22 <= mmToTwips(225) && LINE_PITCH_TWIPS * 23 > mmToTwips(225), `line pitch ${LINE_PITCH_TWIPS}`);
  const pitchPt = 16 + CONDENSE_TWIPS / 20;
  assert.ok(pitchPt * 28 <= (156 * 72) / 25.4 && pitchPt * 29 > (156 * 72) / 25.4, `character pitch ${pitchPt} pt`);
  // The page number's 14 pt line starts 7 mm below the text block (35 mm bottom margin).
  assert.equal(FOOTER_TWIPS + 14 * 20, mmToTwips(28));
});

for (const chapter of plan.chapters) {
  test(`chapter ${chapter.chapter}: every block of the chapter, in order, with its words exactly as printed`, () => {
    const model = documentModel(plan, chapter.chapter);
    const blocks = plan.blocks.filter((b) => b.chapter === chapter.chapter);
    assert.deepEqual(model.items.map((i) => i.id), blocks.map((b) => b.id));
    assert.deepEqual(model.items.map(itemText), blocks.map((b) => b.text));
  });

  test(`chapter ${chapter.chapter}: headings at their outline level; run-in principles stay paragraphs`, () => {
    const model = documentModel(plan, chapter.chapter);
    const expected = [...plan.sections.values()].filter((s) => s.chapter === chapter.chapter && !s.runIn).map((s) => [s.id, s.level]);
    assert.deepEqual(model.items.filter((i) => i.kind === 'heading').map((i) => [i.id, i.level]), expected);
  });

  test(`chapter ${chapter.chapter}: one footnote per editorial note, numbered in reading order`, () => {
    const model = documentModel(plan, chapter.chapter);
    assert.deepEqual(new Set(model.footnotes.map((f) => f.noteId)), notesIn(chapter.chapter));
    const order = footnoteOrder(model);
    assert.deepEqual(order, model.footnotes.map((_, i) => i), 'each footnote is referenced once, in the order Word numbers them');
  });
}

test('the whole plan: the preamble and every chapter, every note once', () => {
  const model = documentModel(plan);
  assert.deepEqual(model.items.map((i) => i.id), plan.blocks.map((b) => b.id));
  assert.equal(model.items[0]!.id, 'preamble-p1');
  assert.deepEqual(new Set(model.footnotes.map((f) => f.noteId)), new Set(plan.corrections.map((c) => c.id)));
  assert.equal(model.footnotes.length, plan.corrections.length);
});

test('a misplaced footnote: the footnote where it belongs, a cross-reference at the misplaced words', () => {
  const model = documentModel(plan, 1);
  const index = model.footnotes.findIndex((f) => f.noteId === 'footnote-kejihuodong-renyuan');
  const anchor = model.items.find((i) => i.id === 'sec-1-3-p1')!;
  const misplaced = model.items.find((i) => i.id === 'sec-1-4-p1')!;
  assert.ok(anchor.inlines.some((i) => i.kind === 'footnote' && i.index === index));
  const at = misplaced.inlines.findIndex((i) => i.kind === 'noteRef' && i.index === index);
  const marked = misplaced.inlines[at - 1]!;
  assert.ok(marked.kind === 'text' && marked.noteTarget && marked.text === plan.corrections.find((c) => c.id === 'footnote-kejihuodong-renyuan')!.target.quote);
  const [original, editor] = model.footnotes[index]!.paragraphs;
  assert.equal(original!.label, '原注（原文误置，编者移此）');
  assert.equal(editor!.label, '编者注（注释错位）');
});

test('a typo: the printed words unchanged and marked, the reading in the footnote', () => {
  const model = documentModel(plan, 3);
  const paragraph = model.items.find((i) => i.id === 'sec-3-3-p1')!;
  const target = paragraph.inlines.find((i) => i.kind === 'text' && i.noteTarget);
  assert.deepEqual(target, { kind: 'text', text: '自主知、识产权', noteTarget: true });
  const note = model.footnotes.find((f) => f.noteId === 'typo-zizhu-zhishi')!;
  assert.deepEqual(note.paragraphs.map((p) => p.label), ['编者注（文字错误）']);
  assert.ok(note.paragraphs[0]!.text.startsWith('应作“自主知识产权”。'));
});

test('every footnote is marked as the editor’s (编者注) or as an original note moved by the editor', () => {
  for (const c of plan.corrections) {
    const paragraphs = footnoteContent(c);
    assert.ok(paragraphs.every((p) => /^(编者注|原注)/.test(p.label)), c.id);
    assert.ok(paragraphs.at(-1)!.text.endsWith(c.note), c.id);
  }
  const missing = footnoteContent(plan.corrections.find((c) => c.type === 'missing-footnote')!);
  assert.equal(missing[0]!.label, '编者注（非原文）');
});

test('bold prefixes: run-in leads, labels and key-technology markers', () => {
  const model = documentModel(plan);
  const runIn = plan.blocks.find((b) => b.kind === 'paragraph' && b.leadLength)!;
  const item = model.items.find((i) => i.id === runIn.id)!;
  assert.equal(item.inlines.filter((i) => i.kind === 'text' && i.strong).map((i) => (i.kind === 'text' ? i.text : '')).join(''), runIn.text.slice(0, runIn.kind === 'paragraph' ? runIn.leadLength : 0));
  const kt = blocksOf(plan, 'keyTechnology')[0]!;
  const first = model.items.find((i) => i.id === kt.id)!.inlines[0]!;
  assert.deepEqual(first, { kind: 'text', text: kt.marker, strong: true });
});

test('figure slots keep the printed "图N（略）"', () => {
  const figures = documentModel(plan, 5).items.filter((i) => i.kind === 'figure');
  assert.deepEqual(figures.map((f) => (f.kind === 'figure' ? f.n : 0)), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  assert.deepEqual(figures.map(itemText), figures.map((f) => `图${f.kind === 'figure' ? f.n : 0}（略）`));
});

test('colophon: with an address it gives the address and the GB/T 7714 reference', () => {
  const lines = colophonLines({ notice: { short: '非官方', official: '以正式文本为准' }, editionDate: '2026-12-01', url: 'https://example.test/chapters/1/', reference: 'REF.' });
  assert.deepEqual(lines.slice(0, 2), ['非官方', '以正式文本为准']);
  assert.ok(lines.includes('版本日期：2026-12-01（本版内容最后修改之日）'));
  assert.ok(lines.includes('网址：https://example.test/chapters/1/'));
  assert.ok(lines.some((l) => l.startsWith('引用格式（GB/T 7714—2015') && l.endsWith('REF.')));
});

test('colophon: without an address it says so and invents none', () => {
  const lines = colophonLines({ notice: { short: 'a', official: 'b' }, editionDate: '2026-12-01', reference: 'REF.' });
  assert.ok(lines.includes(`网址：${NO_ADDRESS}`));
  assert.ok(!lines.some((l) => /https?:|REF\./.test(l)));
});

test('figures fill the text block’s width, or most of its height when tall', () => {
  const mmPx = 96 / 25.4;
  assert.deepEqual(figureSize(1019, 722), { width: Math.round(156 * mmPx), height: Math.round(722 * (156 * mmPx) / 1019) });
  const tall = figureSize(400, 1600);
  assert.ok(tall.height <= 225 * 0.8 * mmPx + 1 && tall.width < 156 * mmPx);
});

test('package parts: font fallbacks, language and the edition date (never "now")', () => {
  const fonts = fontTableXml();
  assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>/);
  assert.match(fonts, /<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
  assert.ok(!fonts.includes('embed'), 'no font is embedded');
  const core = corePropertiesXml({ title: 'A & B', subject: 's', description: 'd', language: 'zh-CN', date: '2026-12-01' });
  assert.match(core, /<dc:title>A &amp; B<\/dc:title>/);
  assert.match(core, /<dc:language>zh-CN<\/dc:language>/);
  assert.match(core, /<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-01T00:00:00Z<\/dcterms:created>/);
  assert.equal(escapeXml(`<"'>`), '&lt;&quot;&apos;&gt;');
});

test('a packed chapter: built-in heading styles with outline levels, footnotes, GB/T 9704 section, no list numbering', async () => {
  const edition: WordEdition = { properties: { title: 't', subject: 's', description: 'd', language: 'zh-CN', date: '2026-12-01' }, coverTitle: '题', colophon: ['x'] };
  const model = documentModel(plan, 1);
  const files = unzipSync(new Uint8Array(await packWordDocument(wordDocument(model, edition), edition.properties)));
  const part = (name: string) => strFromU8(files[name]!);
  const styles = part('word/styles.xml');
  for (const level of [1, 2, 3, 4]) {
    assert.match(styles, new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}"><w:name w:val="heading ${level}"/>.*?<w:outlineLvl w:val="${level - 1}"/>`), `Heading${level}`);
  }
  const document = part('word/document.xml');
  assert.equal((document.match(/<w:footnoteReference w:id="\d+"\/>/g) ?? []).length, model.footnotes.length);
  assert.equal((document.match(/<w:fldSimple w:instr="NOTEREF _RefNote\d+ \\f \\h"/g) ?? []).length, 1);
  assert.ok(!/<w:numPr>|<w:br\/>/.test(document), 'no Word list numbering, no manual line breaks');
  assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(document, new RegExp(`<w:pgMar w:top="${mmToTwips(37)}" w:right="${mmToTwips(26)}" w:bottom="${mmToTwips(35)}" w:left="${mmToTwips(28)}"`));
  assert.match(document, /<w:pgNumType w:start="1"\/>/);
  const footnotes = part('word/footnotes.xml');
  assert.equal((footnotes.match(/<w:footnote w:id="[1-9]\d*">/g) ?? []).length, model.footnotes.length);
  assert.match(part('docProps/core.xml'), /<dc:language>zh-CN<\/dc:language>/);
  assert.match(part('word/fontTable.xml'), /altName/);
  assert.match(part('word/footer1.xml') + part('word/footer2.xml'), /— <\/w:t>.*PAGE.* —<\/w:t>/s);
  // Word refuses a file whose measures are not whole numbers ("unreadable content").
  for (const name of Object.keys(files).filter((f) => f.startsWith('word/') && f.endsWith('.xml'))) {
    const fractional = part(name).match(/\sw:\w+="-?\d+\.\d+"/);
    assert.equal(fractional, null, `${name}: ${fractional?.[0]}`);
  }
});

test('the size an SVG file declares: width/height, else its viewBox; none is an error naming the file', async () => {
  const { svgSize } = await import('../../pipeline/docx.ts');
  assert.deepEqual(svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 880 530" width="880" height="530">', 'a.svg'), { width: 880, height: 530 });
  assert.deepEqual(svgSize('<svg id="fig-1" viewBox="4 2.5 1700.5 1527.8">', 'b.svg'), { width: 1700.5, height: 1527.8 });
  assert.throws(() => svgSize('<svg>', 'dist/figures/3.svg'), /dist\/figures\/3\.svg: the <svg> element states no size/);
});

test('the edition’s address is a link wherever the title page writes it', async () => {
  const url = 'https://example.test/chapters/2/';
  const edition: WordEdition = { properties: { title: 't', subject: 's', description: 'd', language: 'zh-CN', date: '2026-12-01' }, coverTitle: '题', colophon: [`网址：${url}`, `引用：${url}.`], url };
  const files = unzipSync(new Uint8Array(await packWordDocument(wordDocument(documentModel(plan, 2), edition), edition.properties)));
  const document = strFromU8(files['word/document.xml']!);
  assert.equal((document.match(new RegExp(`<w:hyperlink [^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">${url}</w:t>`, 'g')) ?? []).length, 2);
  assert.match(document, /<w:t xml:space="preserve">网址：<\/w:t>/);
  assert.match(strFromU8(files['word/_rels/document.xml.rels']!), new RegExp(`Target="${url}" TargetMode="External"`));
});
