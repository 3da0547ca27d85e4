import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../errors.ts';
import { CORRECTIONS_FILE, parseCorrections } from './corrections.ts';
import { buildPlan, SOURCE_FILE, type Plan } from './outline.ts';

export const SOURCE_HASH_FILE = 'content/source/plan.txt.sha256';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface LoadedPlan { plan: Plan; sourceSha256: string }

const cache = new Map<string, LoadedPlan>();

/**
 * Reads the pinned source and the notes from disk and builds the plan. The source must match
 * its pinned SHA-256: a changed character anywhere fails here, before anything is published.
 */
export function loadPlan(root = process.cwd()): LoadedPlan {
  const cached = cache.get(root);
  if (cached) return cached;
  const source = readFileSync(join(root, SOURCE_FILE));
  const pinned = readFileSync(join(root, SOURCE_HASH_FILE), 'utf8').trim().split(/\s+/)[0];
  const actual = sha256(source);
  if (actual !== pinned) {
    throw new DataError(SOURCE_FILE, '', `SHA-256 is ${actual} but ${SOURCE_HASH_FILE} pins ${pinned}; the source text must stay byte-identical to the published plan`);
  }
  const corrections = parseCorrections(readFileSync(join(root, CORRECTIONS_FILE), 'utf8'));
  const loaded = { plan: buildPlan(source.toString('utf8'), corrections), sourceSha256: actual };
  cache.set(root, loaded);
  return loaded;
}
