/**
 * npm run convert: content/source/plan.txt + content/editorial/corrections.yaml → content/plan/*.mdx.
 * `--check` writes nothing and fails if the committed MDX differs from a fresh conversion.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chapterDocuments } from '../src/lib/plan/mdx.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { runCli } from './cli.ts';

export const PLAN_DIR = 'content/plan';

export function freshDocuments(root = process.cwd()) {
  const { plan, sourceSha256 } = loadPlan(root);
  return chapterDocuments(plan, sourceSha256);
}

export function staleFiles(root = process.cwd()): string[] {
  const dir = join(root, PLAN_DIR);
  const docs = freshDocuments(root);
  const stale = docs.filter((d) => !existsSync(join(dir, d.file)) || readFileSync(join(dir, d.file), 'utf8') !== d.body).map((d) => d.file);
  const extra = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx') && !docs.some((d) => d.file === f)) : [];
  return [...stale, ...extra];
}

runCli(import.meta.url, () => {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length) throw new Error(`${PLAN_DIR} is stale (${stale.join(', ')}); run npm run convert and commit the result`);
    console.log(`convert: ${PLAN_DIR} is up to date`);
    return;
  }
  const dir = join(process.cwd(), PLAN_DIR);
  mkdirSync(dir, { recursive: true });
  const docs = freshDocuments();
  for (const f of readdirSync(dir)) if (f.endsWith('.mdx') && !docs.some((d) => d.file === f)) rmSync(join(dir, f));
  for (const d of docs) writeFileSync(join(dir, d.file), d.body);
  console.log(`convert: wrote ${docs.length} files to ${PLAN_DIR}`);
});
