import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMdx, chapterDocuments } from '../../src/lib/plan/mdx.ts';
import { buildPlan } from '../../src/lib/plan/outline.ts';
import { staleFiles } from '../../pipeline/convert.ts';
import { corrections, inFreshProcess, source } from './helpers.ts';

test('the committed MDX equals a fresh conversion', () => {
  assert.deepEqual(staleFiles(), [], 'run npm run convert and commit content/plan');
});

test('conversion is deterministic: a fresh process and reversed notes give the same documents', () => {
  const a = chapterDocuments(buildPlan(source, corrections), 'x'.repeat(64));
  assert.deepEqual(a.map((d) => d.file), ['preamble.mdx', 'sec-1.mdx', 'sec-2.mdx', 'sec-3.mdx', 'sec-4.mdx', 'sec-5.mdx', 'sec-6.mdx']);
  // The notes' order in corrections.yaml must not matter: markers are numbered by where they appear.
  assert.deepEqual(chapterDocuments(buildPlan(source, [...corrections].reverse()), 'x'.repeat(64)), a);
  const fresh = inFreshProcess(`
    import { chapterDocuments } from './src/lib/plan/mdx.ts';
    import { loadPlan } from './src/lib/plan/load.ts';
    process.stdout.write(JSON.stringify(chapterDocuments(loadPlan().plan, 'x'.repeat(64))));`);
  assert.deepEqual(JSON.parse(fresh), a);
});

test('MDX syntax characters in the text are escaped', () => {
  assert.equal(escapeMdx('R＆D*{x}<y>_#'), 'R＆D\\*\\{x\\}\\<y\\>\\_\\#');
  assert.equal(escapeMdx('“十二五”规划（2011-2015）'), '“十二五”规划（2011-2015）');
});

test('notes become components around the quoted words; placeholders become figure slots', () => {
  const docs = chapterDocuments(buildPlan(source, corrections), 'x'.repeat(64));
  const ch3 = docs.find((d) => d.file === 'sec-3.mdx')!.body;
  assert.match(ch3, /<Note id="typo-zizhu-zhishi" n=\{\d+\}>自主知、识产权<\/Note>/);
  assert.match(ch3, /<FigureSlot id="fig-1" n=\{1\}>图1（略）<\/FigureSlot>/);
  assert.match(ch3, /<Para id="sec-3-3-p2"><Label>科技创新投入：<\/Label>到2015年/);
  const ch1 = docs.find((d) => d.file === 'sec-1.mdx')!.body;
  assert.match(ch1, /全省科技活动人员<Note id="footnote-kejihuodong-renyuan" n=\{\d+\} anchor \/>从2005年/);
  assert.match(ch1, /<Note id="footnote-rd" n=\{\d+\}>R＆D\\\*<\/Note>/);
  assert.match(ch1, /<ChapterNotes ids=\{\["footnote-rd",/);
});
