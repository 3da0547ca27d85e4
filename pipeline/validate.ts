/**
 * Build step: validate all data before anything is rendered, so bad input fails in seconds
 * with a message naming the file and node, not deep inside a page render.
 */
import { loadFigures } from '../src/lib/figures/load.ts';
import { loadIndicators } from '../src/lib/indicators/load.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { blocksOf } from '../src/lib/plan/outline.ts';
import { runCli } from './cli.ts';

export function validateData(root = process.cwd()): string {
  const { plan } = loadPlan(root);
  const figures = loadFigures(root);
  const indicators = loadIndicators(root);
  const baselines = indicators.filter((i) => i.baseline).length;
  return `validate: ${plan.sections.size} sections, ${blocksOf(plan, 'paragraph').length} paragraphs, ${plan.corrections.length} editorial notes, ${figures.length} figures, ${indicators.length} indicators (${baselines} with a baseline) — all sources found`;
}

runCli(import.meta.url, () => console.log(validateData()));
