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
