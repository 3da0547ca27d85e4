import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../errors.ts';
import { KEBAB_CASE } from '../plan/ids.ts';
import { loadPlan } from '../plan/load.ts';
import type { Plan } from '../plan/outline.ts';
import { formatPath, parseWithFriendlyErrors, parseYamlFile } from '../validate.ts';
import { checkIndicator, type Indicator } from './check.ts';
import { indicatorSchema, type IndicatorData } from './schema.ts';

export const INDICATORS_DIR = 'content/indicators';

export function indicatorFile(id: string): string {
  return `${INDICATORS_DIR}/${id}.yaml`;
}

/** YAML text → an indicator of the right shape, errors naming the indicator and the field. */
export function parseIndicatorFile(yamlText: string, id: string, file = indicatorFile(id)): IndicatorData {
  const data = parseYamlFile(yamlText, file);
  return parseWithFriendlyErrors(indicatorSchema, data ?? {}, file, (path) => `indicator "${id}" → ${formatPath(path) || '(root)'}`);
}

/** Checks every indicator against the plan and puts them in the order the plan states them. */
export function checkIndicators(entries: { id: string; file: string; data: IndicatorData }[], plan: Plan): Indicator[] {
  return entries.map((e) => checkIndicator(e.id, e.data, plan, e.file)).sort((a, b) => a.order - b.order);
}

/**
 * Reads, validates and checks content/indicators/*.yaml. The file name is the indicator's id
 * (kebab-case), so ids are unique by construction and a misnamed file fails instead of being skipped.
 */
export function loadIndicators(root = process.cwd()): Indicator[] {
  const { plan } = loadPlan(root);
  const dir = join(root, INDICATORS_DIR);
  const entries: { id: string; file: string; data: IndicatorData }[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const file = `${INDICATORS_DIR}/${name}`;
    const id = name.replace(/\.yaml$/, '');
    if (!name.endsWith('.yaml') || !KEBAB_CASE.test(id)) throw new DataError(file, '', 'indicator files must be named <id>.yaml, the id in lower-case kebab-case, e.g. rd-share-of-gdp.yaml');
    entries.push({ id, file, data: parseIndicatorFile(readFileSync(join(dir, name), 'utf8'), id, file) });
  }
  if (!entries.length) throw new DataError(INDICATORS_DIR, '', 'no indicator files found');
  return checkIndicators(entries, plan);
}

let cache: Indicator[] | undefined;

/** The checked indicators, loaded once per build (pages and data files share them). */
export function indicators(): Indicator[] {
  cache ??= loadIndicators();
  return cache;
}
