import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseCorrections, type Correction } from '../../src/lib/plan/corrections.ts';

export const source = readFileSync('content/source/plan.txt', 'utf8');
export const correctionsYaml = readFileSync('content/editorial/corrections.yaml', 'utf8');
export const corrections: Correction[] = parseCorrections(correctionsYaml);

/** The real notes, minus the ones with the given ids: to show what each one is needed for. */
export function without(...ids: string[]): Correction[] {
  return corrections.filter((c) => !ids.includes(c.id));
}

/** The real notes with one of them changed. */
export function withChanged(id: string, change: (c: Correction) => Correction): Correction[] {
  return corrections.map((c) => (c.id === id ? change(structuredClone(c)) : c));
}

/**
 * Runs a module's default-exported function body in a separate Node process and returns what it
 * prints: a determinism check that compares two runs sharing no module state or caches.
 */
export function inFreshProcess(script: string): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`fresh process failed: ${result.stderr}`);
  return result.stdout;
}
