import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tempDir } from './temp.ts';
import { editionDate } from '../../src/config/edition.ts';

// The PDF step reprints only what changed: full builds (each into a new release folder, as
// `npm run build` does) in a copy of the project, three times.

const repo = resolve('.');
const env = { ...process.env, EDITION_DATE: editionDate(process.env, repo), ASTRO_TELEMETRY_DISABLED: '1' };

/** Which PDFs a build printed and which it took from the cache, as the build reports them. */
function buildPdfs(dir: string): { printed: string[]; reused: string[] } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/build.ts'], { cwd: dir, encoding: 'utf8', env, timeout: 400_000 });
  assert.equal(run.status, 0, `the build failed:\n${run.stderr}`);
  const lines = [...run.stdout.matchAll(/^ {2}(\S+\.pdf) \d+ KB( \(unchanged: reused\))?$/gm)];
  assert.equal(lines.length, 7, `the build should report 7 PDFs:\n${run.stdout}`);
  return { printed: lines.filter((m) => !m[2]).map((m) => m[1]!), reused: lines.filter((m) => m[2]).map((m) => m[1]!) };
}

test('an unchanged rebuild reuses every PDF; editing one chapter reprints that chapter and plan.pdf only', { timeout: 900_000 }, (t) => {
  const dir = tempDir(t, 'pdf-cache-');
  for (const entry of ['content', 'src', 'pipeline', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));

  const clean = buildPdfs(dir);
  assert.deepEqual(clean.reused, [], 'a first build has nothing to reuse');

  const unchanged = buildPdfs(dir);
  assert.deepEqual(unchanged.printed, [], 'nothing changed, nothing is printed');

  // The wording of an editorial note in 四 (two characters swapped, so the print fonts stay the same).
  const notes = join(dir, 'content/editorial/corrections.yaml');
  const original = readFileSync(notes, 'utf8');
  const edited = original.replace('第二个“（三）”应为“（四）”', '第二个“（三）”为应“（四）”');
  assert.notEqual(edited, original, 'the note to edit is no longer there');
  writeFileSync(notes, edited);
  const oneChapter = buildPdfs(dir);
  assert.deepEqual(oneChapter.printed.sort(), ['chapter-4.pdf', 'plan.pdf']);
});
