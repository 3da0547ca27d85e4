import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFigures } from '../figures/load.ts';
import type { FigureData } from '../figures/schema.ts';
import type { Indicator } from '../indicators/check.ts';
import { loadIndicators } from '../indicators/load.ts';
import { planNumbers } from '../indicators/plan-numbers.ts';
import { loadPlan } from '../plan/load.ts';
import { SOURCE_FILE, type Plan } from '../plan/outline.ts';
import { csvRows, toCsv, type Column } from './csv.ts';
import { figuresJson, linkColumns, nodeColumns } from './figures-export.ts';
import { indicatorColumns, indicatorsJson, numberColumns, numbersJson } from './indicators-export.ts';
import { keyTechnologiesJson, keyTechnologyColumns } from './key-technologies-export.ts';
import { planJson, type EditionInfo } from './plan-export.ts';
import { figuresSchema, indicatorsSchema, keyTechnologiesSchema, numbersSchema, planSchema, type JsonSchema } from './schemas.ts';

/**
 * Every file of /data/, generated from the same loaded plan, figures and indicators that render
 * the site: never written by hand. Deterministic: the same content and edition date give the same
 * bytes (objects are built in a fixed order; nothing reads the clock).
 */

export interface DataInputs {
  plan: Plan;
  source: string;
  sourceSha256: string;
  figures: FigureData[];
  indicators: Indicator[];
  info: EditionInfo;
  title: string;
}

export interface DataFile {
  /** Path under /data/: "plan.json", "figures/fig-2-nodes.csv". */
  path: string;
  format: 'json' | 'csv' | 'schema';
  /** What the file holds, in Chinese, for /data/. */
  title: string;
  description: string;
  body: string;
  /** JSON files: their schema (in this list too) and the records an example is taken from. */
  schema?: JsonSchema;
  schemaPath?: string;
  /** The data behind the file (JSON: the document; CSV: the records as strings, header first). */
  data?: unknown;
  /** CSV files: their columns. */
  columns?: { name: string; description: string }[];
  /** A record of the file, as /data/ shows it. */
  example?: unknown;
}

export function readDataInputs(info: EditionInfo, title: string, root = process.cwd()): DataInputs {
  const { plan, sourceSha256 } = loadPlan(root);
  return { plan, source: readFileSync(join(root, SOURCE_FILE), 'utf8'), sourceSha256, figures: loadFigures(root), indicators: loadIndicators(root), info, title };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function jsonFile(path: string, title: string, description: string, data: unknown, schema: JsonSchema, example: unknown): DataFile[] {
  const schemaPath = path.replace(/\.json$/, '.schema.json');
  return [
    { path, format: 'json', title, description, body: json(data), data, schema, schemaPath, example },
    { path: schemaPath, format: 'schema', title: `${path} 的 JSON Schema`, description: `${path} 的结构与各字段说明（JSON Schema 2020-12）。`, body: json(schema), data: schema },
  ];
}

function csvFile<T>(path: string, title: string, description: string, columns: Column<T>[], records: T[]): DataFile {
  return { path, format: 'csv', title, description, body: toCsv(columns, records), data: csvRows(columns, records), columns: columns.map(({ name, description: d }) => ({ name, description: d })) };
}

export function dataFiles(inputs: DataInputs): DataFile[] {
  const { plan, info } = inputs;
  const plan_ = planJson(plan, inputs.source, inputs.sourceSha256, info, inputs.title);
  const kts = keyTechnologiesJson(plan, inputs.figures, info);
  const figures = figuresJson(plan, inputs.figures, info);
  const indicators = indicatorsJson(plan, inputs.indicators, info);
  const numbers = numbersJson(plan, planNumbers(plan), info);
  return [
    ...jsonFile('plan.json', '规划全文（结构化）', '整部规划：目录结构（原印编号与校正后编号）、全部标题与段落、编者注及其所注原文。由 source.lines 可逐字节还原源文件。', plan_, planSchema, plan_.blocks.find((b) => b.kind === 'paragraph' && b.chapter > 0)),
    ...jsonFile('key-technologies.json', '重大关键技术', '五（二）的40项重大关键技术：所属发展方向、展示它的重建图，以及图中与之相连的原文段落。', kts, keyTechnologiesSchema, kts.keyTechnologies[0]),
    csvFile('key-technologies.csv', '重大关键技术（表格）', '与 key-technologies.json 相同的40项，每项一行；多个编号以空格分隔。', keyTechnologyColumns(info.edition), kts.keyTechnologies),
    ...jsonFile('figures.json', '重建图', '图1—图12 的全部节点与连线，各附所引原文；每条连线注明依据（basis）。', figures, figuresSchema, { ...figures.figures[1]!, nodes: figures.figures[1]!.nodes.slice(0, 1), links: figures.figures[1]!.links.slice(0, 1) }),
    ...figures.figures.flatMap((f) => [
      csvFile(`figures/${f.id}-nodes.csv`, `图${f.n} 节点`, `图${f.n}“${f.caption}”的节点，每个一行。`, nodeColumns(info.edition), f.nodes),
      csvFile(`figures/${f.id}-links.csv`, `图${f.n} 连线`, `图${f.n}“${f.caption}”的连线，每条一行，含依据与出处。`, linkColumns(info.edition), f.links),
    ]),
    ...jsonFile('indicators.json', '“十二五”主要目标', '三（三）的量化目标：目标值与原文表述、目标年份、出处；起点仅在原文给出时列出。', indicators, indicatorsSchema, indicators.indicators.find((i) => i.baseline)),
    csvFile('indicators.csv', '“十二五”主要目标（表格）', '与 indicators.json 相同的指标，每项一行。', indicatorColumns(info.edition), indicators.indicators),
    ...jsonFile('numbers.json', '规划中的全部数字', '从正文自动提取的全部带单位的数字，各附所在分句、位置与链接。', numbers, numbersSchema, numbers.numbers[0]),
    csvFile('numbers.csv', '规划中的全部数字（表格）', '与 numbers.json 相同，每个数字一行。', numberColumns(info.edition), numbers.numbers),
  ];
}

/** A schema's fields as dotted paths with their descriptions ("blocks[].text"), for the docs. */
export function schemaFields(schema: JsonSchema, prefix = ''): { path: string; description: string }[] {
  const out: { path: string; description: string }[] = [];
  const properties = (s: JsonSchema): Record<string, JsonSchema> | undefined => {
    if (s.properties) return s.properties as Record<string, JsonSchema>;
    const variant = (s.anyOf as JsonSchema[] | undefined)?.find((v) => v.properties || v.items);
    return variant ? properties(variant) : undefined;
  };
  const itemsOf = (s: JsonSchema): JsonSchema | undefined => (s.items as JsonSchema | undefined) ?? (s.anyOf as JsonSchema[] | undefined)?.find((v) => v.items)?.items as JsonSchema | undefined;
  for (const [name, field] of Object.entries(properties(schema) ?? {})) {
    const path = `${prefix}${name}`;
    out.push({ path, description: String(field.description ?? '') });
    const items = itemsOf(field);
    if (items && properties(items)) out.push(...schemaFields(items, `${path}[].`));
    else if (properties(field)) out.push(...schemaFields(field, `${path}.`));
  }
  return out;
}

let cache: { key: string; files: DataFile[] } | undefined;

/** The files for one build, generated once (the endpoint and /data/ both ask for them). */
export function buildDataFiles(info: EditionInfo, title: string): DataFile[] {
  const key = JSON.stringify([info, title]);
  if (cache?.key !== key) cache = { key, files: dataFiles(readDataInputs(info, title)) };
  return cache.files;
}
