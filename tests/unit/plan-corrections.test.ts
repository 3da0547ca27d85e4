import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCorrections } from '../../src/lib/plan/corrections.ts';
import { corrections } from './helpers.ts';

test('the editorial notes file holds every known case', () => {
  const ids = new Set(corrections.map((c) => c.type));
  for (const type of ['numbering', 'numbering-gap', 'typo', 'misplaced-footnote', 'missing-footnote', 'inconsistency', 'heading-split']) assert.ok(ids.has(type as never), type);
  const quotes = corrections.map((c) => c.target.quote);
  for (const q of ['自主知、识产权', '引、导', '《科技技术进步法》', '3.', 'R＆D*', 'GAP*', '泛在信息技术*', '四大类']) assert.ok(quotes.includes(q), q);
});

test('a YAML syntax error names the file, line and column', () => {
  assert.throws(() => parseCorrections('- id: a\n  type: typo\n target: [\n'), /content\/editorial\/corrections\.yaml: line \d+, column \d+: YAML syntax error/);
});

test('a schema error names the note and the field', () => {
  const yaml = '- id: bad-note\n  type: typo\n  target: { id: sec-1-1-p1, quote: "" }\n  note: x\n';
  assert.throws(() => parseCorrections(yaml), /note "bad-note" → target\.quote: must quote the original text exactly/);
});

test('an unknown type is rejected', () => {
  assert.throws(() => parseCorrections('- id: x\n  type: silent-edit\n  target: { id: sec-1-1-p1, quote: a }\n  note: x\n'), /note "x" → type/);
});

test('a malformed target id is rejected', () => {
  assert.throws(() => parseCorrections('- id: x\n  type: typo\n  target: { id: "section 4", quote: a }\n  note: x\n'), /must be a plan id/);
});

test('type-specific fields are required', () => {
  assert.throws(() => parseCorrections('- id: x\n  type: numbering\n  target: { id: sec-4-4, quote: a }\n  note: x\n'), /reading: a numbering correction needs the corrected number/);
  assert.throws(() => parseCorrections('- id: x\n  type: missing-footnote\n  target: { id: sec-1-2-p1, quote: a }\n  note: x\n'), /footnote: a missing footnote needs/);
  assert.throws(() => parseCorrections('- id: x\n  type: heading-split\n  target: { id: sec-4-2-1, quote: ab }\n  note: x\n'), /mark the split point/);
});

test('duplicate note ids are rejected', () => {
  const one = '- id: x\n  type: typo\n  target: { id: sec-1-1-p1, quote: a }\n  note: x\n';
  assert.throws(() => parseCorrections(one + one), /note "x": duplicate note id/);
});
