import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { BOM, toCsv } from '../../src/lib/data/csv.ts';
import { dataFiles, readDataInputs, schemaFields, type DataFile } from '../../src/lib/data/files.ts';
import { linkGrade } from '../../src/lib/data/figures-export.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { rebuildSource, type PlanJson } from '../../src/lib/data/plan-export.ts';
import { loadFigures } from '../../src/lib/figures/load.ts';
import { inFreshProcess } from './helpers.ts';

// The downloads of /data/, built in-process the way the endpoint builds them.
const { plan } = loadPlan();
const info = { edition: '2026-01-02', base: '/' };
const files = dataFiles(readDataInputs(info, '青海省科学技术发展“十二五”规划'));
const byPath = new Map(files.map((f) => [f.path, f]));

describe('plan.json', () => {
  const plan = JSON.parse(byPath.get('plan.json')!.body) as PlanJson;

  it('rebuilds content/source/plan.txt byte for byte', () => {
    const rebuilt = rebuildSource(plan);
    assert.ok(Buffer.from(rebuilt, 'utf8').equals(readFileSync('content/source/plan.txt')), 'rebuilt text differs from plan.txt');
  });

  it('holds every section with its printed and corrected number, and every note with its words', () => {
    const corrected = plan.sections.find((s) => s.id === 'sec-4-4')!;
    assert.deepEqual([corrected.marker, corrected.printedNumber, corrected.number], ['（三）', 3, 4]);
    for (const note of plan.notes) {
      const block = plan.blocks.find((b) => b.id === note.target.id)!;
      if (note.type !== 'heading-split') assert.equal(block.text.slice(note.target.start, note.target.end), note.target.quote, note.id);
    }
  });
});

describe('every JSON download validates against its schema (ajv, JSON Schema 2020-12)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const file of files.filter((f) => f.format === 'json')) {
    it(file.path, () => {
      const schema = byPath.get(file.schemaPath!);
      assert.ok(schema, `${file.schemaPath} is published too`);
      const validate = ajv.compile(JSON.parse(schema.body));
      const valid = validate(JSON.parse(file.body));
      assert.ok(valid, ajv.errorsText(validate.errors, { separator: '\n' }));
    });
  }

  it('a schema rejects a stray or missing field (the objects are closed)', () => {
    const file = byPath.get('indicators.json')!;
    const validate = ajv.compile(JSON.parse(byPath.get('indicators.schema.json')!.body));
    const data = JSON.parse(file.body);
    data.indicators[0].extra = 1;
    assert.equal(validate(data), false);
    delete data.indicators[0].extra;
    delete data.indicators[0].target.source.quote;
    assert.equal(validate(data), false);
  });

  it('documents every field in Chinese (the /data/ page shows these)', () => {
    for (const file of files.filter((f) => f.format === 'json')) {
      const fields = schemaFields(file.schema!);
      assert.ok(fields.length > 5, file.path);
      for (const field of fields) assert.match(field.description, /\p{Script=Han}/u, `${file.path} ${field.path}`);
    }
  });
});

describe('CSV downloads', () => {
  const csvs = files.filter((f) => f.format === 'csv');

  it('parse back with csv-parse to the same records', () => {
    assert.ok(csvs.length >= 27);
    for (const file of csvs) {
      const parsed = parse(file.body, { bom: true, relax_column_count: false }) as string[][];
      assert.deepEqual(parsed, file.data, file.path);
      assert.deepEqual(parsed[0], file.columns!.map((c) => c.name), file.path);
    }
  });

  it('quote commas, quotes and line breaks, end lines with CRLF and start with a BOM', () => {
    const text = toCsv([{ name: 'a', description: '', value: (r: string) => r }, { name: 'b', description: '', value: () => 1 }], ['x,"y"\nz', '']);
    assert.equal(text, `${BOM}a,b\r\n"x,""y""\nz",1\r\n,1\r\n`);
    assert.deepEqual(parse(text, { bom: true }), [['a', 'b'], ['x,"y"\nz', '1'], ['', '1']]);
  });

  it('carry the edition date in every row', () => {
    for (const file of csvs) {
      const rows = file.data as string[][];
      const at = rows[0]!.indexOf('edition_date');
      assert.ok(at >= 0, file.path);
      for (const row of rows.slice(1)) assert.equal(row[at], info.edition, file.path);
    }
  });
});

describe('the files', () => {
  it('carry the edition date', () => {
    for (const file of files.filter((f) => f.format === 'json')) assert.equal(JSON.parse(file.body).edition, info.edition, file.path);
  });

  it('are deterministic: two separate processes write the same bytes', () => {
    const script = `
      import { dataFiles, readDataInputs } from './src/lib/data/files.ts';
      import { createHash } from 'node:crypto';
      const files = dataFiles(readDataInputs(${JSON.stringify(info)}, 't'));
      console.log(files.map((f) => f.path + ' ' + createHash('sha256').update(f.body).digest('hex')).join('\\n'));
    `;
    assert.equal(inFreshProcess(script), inFreshProcess(script));
  });

  it('list key technologies kt-1…kt-40 with their direction', () => {
    const kts = JSON.parse(byPath.get('key-technologies.json')!.body).keyTechnologies as { id: string; direction: { title: string } }[];
    assert.deepEqual(kts.map((k) => k.id), Array.from({ length: 40 }, (_, i) => `kt-${i + 1}`));
    assert.equal(kts[0]!.direction.title, '新能源');
  });

  it('give each figure link the basis the figures draw: stated (with its sentence), shared wording (with the term) or judgement (with the reason)', () => {
    const figures = loadFigures();
    const exported = JSON.parse(byPath.get('figures.json')!.body).figures as { links: { basis: string; source: unknown; term: string | null; reason: string | null }[] }[];
    figures.forEach((figure, i) => figure.links.forEach((link, j) => {
      const out = exported[i]!.links[j]!;
      assert.equal(out.basis, linkGrade(plan, figure, link).basis);
      if (out.basis === 'stated') assert.ok(out.source, `${figure.id} ${link.from} → ${link.to}: a stated link cites its sentence`);
      if (out.basis === 'shared') assert.ok(out.term, `${figure.id} ${link.from} → ${link.to}: shared wording names its term`);
      if (out.basis === 'judgement') assert.ok(out.reason, `${figure.id} ${link.from} → ${link.to}: a judgement gives its reason`);
    }));
    for (const basis of ['stated', 'shared', 'judgement']) assert.ok(exported.some((f) => f.links.some((l) => l.basis === basis)), basis);
    for (const figure of figures) {
      for (const kind of ['nodes', 'links']) assert.ok(byPath.has(`figures/${figure.id}-${kind}.csv`), `${figure.id} ${kind}`);
    }
  });

  it('are all named once', () => {
    const paths = files.map((f: DataFile) => f.path);
    assert.equal(new Set(paths).size, paths.length);
  });
});
