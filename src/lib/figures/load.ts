import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'astro/zod';
import { DataError } from '../errors.ts';
import { loadPlan } from '../plan/load.ts';
import { blocksOf } from '../plan/outline.ts';
import { formatPath, parseWithFriendlyErrors, parseYamlFile } from '../validate.ts';
import { checkKeyTechnologyCoverage, checkProvenance, type UnplacedKeyTechnology } from './provenance.ts';
import { figureSchema, type FigureData } from './schema.ts';

export const FIGURES_DIR = 'content/figures';

/** The plan prints twelve placeholders, 图1–图12; each must be rebuilt. */
export const FIGURE_COUNT = 12;

/** The 重大关键技术 no figure shows, each with the editor's reason (rendered on /key-technologies/). */
export const UNPLACED_KT_FILE = `${FIGURES_DIR}/unplaced-key-technologies.yaml`;

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

const unplacedSchema = z.array(
  z
    .object({
      /** N of 关键技术N (kt-N). */
      kt: z.number().int().positive(),
      /** One line, in Chinese: why no domain figure's text supports placing it. */
      reason: z.string().min(1).regex(/^[^\n]*$/, 'must be one line'),
    })
    .strict(),
);

/** YAML text → the unplaced key technologies. Does not look at the plan or the figures (see checkKeyTechnologyCoverage). */
export function parseUnplacedFile(yamlText: string, file = UNPLACED_KT_FILE): UnplacedKeyTechnology[] {
  const data = parseYamlFile(yamlText, file);
  return parseWithFriendlyErrors(unplacedSchema, data ?? [], file, (path) => {
    const [index, ...rest] = path;
    const entry = Array.isArray(data) && typeof index === 'number' ? (data[index] as { kt?: unknown } | undefined) : undefined;
    const head = typeof entry?.kt === 'number' ? `kt ${entry.kt}` : typeof index === 'number' ? `entry [${index}]` : '';
    return `${head}${rest.length ? ` → ${rest.map(String).join('.')}` : ''}`;
  });
}

/** Reads the unplaced key technologies; the file must exist, even if every key technology is placed (then it is `[]`). */
export function loadUnplacedKeyTechnologies(root = process.cwd()): UnplacedKeyTechnology[] {
  const path = join(root, UNPLACED_KT_FILE);
  if (!existsSync(path)) throw new DataError(UNPLACED_KT_FILE, '', 'missing: it lists the key technologies no figure shows, with the reason (write [] if every one is placed)');
  return parseUnplacedFile(readFileSync(path, 'utf8'));
}

/**
 * Reads, validates and checks every figure against the plan. Fails on the first bad file, on a
 * missing figure (a placeholder without data would publish "（略）" again), on stray files
 * (a misnamed fig-2.yaml would otherwise be silently skipped) and on a key technology that is
 * neither in a figure nor in the unplaced list, or in both.
 */
export function loadFigures(root = process.cwd()): FigureData[] {
  const { plan } = loadPlan(root);
  const dir = join(root, FIGURES_DIR);
  const figures: FigureData[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name) || name === basename(UNPLACED_KT_FILE)) continue;
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
  checkKeyTechnologyCoverage(figures, loadUnplacedKeyTechnologies(root), plan, UNPLACED_KT_FILE);
  return figures;
}
