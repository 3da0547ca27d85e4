import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../errors.ts';
import { loadPlan } from '../plan/load.ts';
import { blocksOf } from '../plan/outline.ts';
import { formatPath, parseWithFriendlyErrors, parseYamlFile } from '../validate.ts';
import { checkProvenance } from './provenance.ts';
import { figureSchema, type FigureData } from './schema.ts';

export const FIGURES_DIR = 'content/figures';

/** The plan prints twelve placeholders, 图1–图12; each must be rebuilt. */
export const FIGURE_COUNT = 12;

export function figureFile(n: number): string {
  return `${FIGURES_DIR}/fig-${String(n).padStart(2, '0')}.yaml`;
}

/** Turns a zod path into the words an editor looks for in the file: node "pv-industry" → source.quote. */
function describe(data: unknown, path: PropertyKey[]): string {
  const [top, index, ...rest] = path;
  const tail = (parts: PropertyKey[]) => (parts.length ? ` → ${parts.map(String).join('.')}` : '');
  const list = typeof data === 'object' && data !== null && typeof top === 'string' ? (data as Record<string, unknown>)[top] : undefined;
  const entry = Array.isArray(list) && typeof index === 'number' ? (list[index] as Record<string, unknown> | undefined) : undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (top === 'nodes' && typeof index === 'number') {
    const id = text(entry?.id);
    return `${id ? `node "${id}"` : `node [${index}]`}${tail(rest)}`;
  }
  if (top === 'links' && typeof index === 'number') {
    const from = text(entry?.from);
    const to = text(entry?.to);
    return `${from && to ? `link "${from} → ${to}"` : `link [${index}]`}${tail(rest)}`;
  }
  if (top === 'layers' && typeof index === 'number') {
    const key = text(entry?.key);
    return `${key ? `layer "${key}"` : `layer [${index}]`}${tail(rest)}`;
  }
  return formatPath(path);
}

/** YAML text → a figure of the right shape. Does not look at the plan (see checkProvenance). */
export function parseFigureFile(yamlText: string, file: string): FigureData {
  const data = parseYamlFile(yamlText, file);
  return parseWithFriendlyErrors(figureSchema, data ?? {}, file, (path) => describe(data, path));
}

/**
 * Reads, validates and checks every figure against the plan. Fails on the first bad file, on a
 * missing figure (a placeholder without data would publish "（略）" again) and on stray files
 * (a misnamed fig-2.yaml would otherwise be silently skipped).
 */
export function loadFigures(root = process.cwd()): FigureData[] {
  const { plan } = loadPlan(root);
  const dir = join(root, FIGURES_DIR);
  const figures: FigureData[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const file = `${FIGURES_DIR}/${name}`;
    if (!/^fig-\d{2}\.yaml$/.test(name)) throw new DataError(file, '', 'figure files must be named fig-NN.yaml (two digits), e.g. fig-02.yaml');
    const figure = parseFigureFile(readFileSync(join(dir, name), 'utf8'), file);
    checkProvenance(figure, plan, file);
    figures.push(figure);
  }
  figures.sort((a, b) => a.n - b.n);
  const have = new Set(figures.map((f) => f.n));
  const total = Math.max(FIGURE_COUNT, blocksOf(plan, 'figure').length);
  for (let n = 1; n <= total; n++) {
    if (!have.has(n)) throw new DataError(figureFile(n), '', `missing: the plan's 图${n}（略） has no figure data`);
  }
  return figures;
}
