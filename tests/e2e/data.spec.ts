import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { deployment } from '../../src/config/deploy.ts';
import { editionDate } from '../../src/config/edition.ts';
import { site } from '../../src/config/site.ts';
import { dataFiles, readDataInputs } from '../../src/lib/data/files.ts';
import { DIST } from './site-files.ts';

// The downloads as published in dist/data/, against the same files generated here from content/.
const DATA = join(DIST, 'data');
const published = readdirSync(DATA, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(json|csv)$/.test(f)).sort();
const expected = dataFiles(readDataInputs({ edition: editionDate(), base: deployment().base }, site.title));

test('dist/data holds exactly the generated files, byte for byte (same input, same bytes)', () => {
  expect(published).toEqual(expected.map((f) => f.path).sort());
  for (const file of expected) expect(readFileSync(join(DATA, file.path), 'utf8'), file.path).toBe(file.body);
});

test('every published JSON file validates against its published schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  for (const file of published.filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))) {
    const data = JSON.parse(readFileSync(join(DATA, file), 'utf8'));
    const schema = JSON.parse(readFileSync(join(DATA, data.$schema), 'utf8'));
    const validate = ajv.compile(schema);
    expect(validate(data), `${file}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    expect(data.edition).toBe(editionDate());
  }
});

test('every published CSV file parses back to the records it was written from', () => {
  for (const file of expected.filter((f) => f.format === 'csv')) {
    const rows = parse(readFileSync(join(DATA, file.path), 'utf8'), { bom: true }) as string[][];
    expect(rows, file.path).toEqual(file.data);
  }
});

test('/data/ links every download and documents it', async ({ page }) => {
  await page.goto('/data/');
  const links = await page.locator('.data-page a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect([...new Set(links)].map((href) => href.replace(/^\/data\//, '')).sort()).toEqual(published);
  for (const href of links.slice(0, 5)) {
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
  }
  await expect(page.locator('.data-page')).toContainText(editionDate());
  await expect(page.locator('.data-fields')).not.toHaveCount(0);
});
