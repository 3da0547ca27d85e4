import { COMPARATOR_NAMES } from '../indicators/comparators.ts';
import { correctionTypes } from '../plan/corrections.ts';
import { basisDoc, LINK_BASES } from './figures-export.ts';

/**
 * A JSON Schema (draft 2020-12) for every JSON download. The descriptions are the field
 * documentation /data/ shows, so the page and the schema cannot disagree. Every object is
 * closed (additionalProperties: false) and every field required (null where absent), so a
 * validator catches a renamed, missing or stray field.
 */

export type JsonSchema = Record<string, unknown>;

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const PLAN_ID = '^(preamble|sec(-\\d+)+|kt-\\d+|fig-\\d+)(-p\\d+)?$';
const PARAGRAPH_ID = '^(preamble|sec(-\\d+)+)-p\\d+$';

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const int = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'integer', description, ...extra });
const num = (description: string): JsonSchema => ({ type: 'number', description });
const bool = (description: string): JsonSchema => ({ type: 'boolean', description });
const nullable = (schema: JsonSchema): JsonSchema => {
  const { description, ...rest } = schema;
  return { description, anyOf: [rest, { type: 'null' }] };
};
const arr = (description: string, items: JsonSchema, extra: JsonSchema = {}): JsonSchema => ({ type: 'array', description, items, ...extra });
const obj = (description: string, properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  description,
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

const planId = (description: string) => str(description, { pattern: PLAN_ID });
const href = str('站内链接（含部署路径），指向原文位置；段落引文附文本片段（:~:text=），浏览器会高亮所引文字');
const source = (description: string) =>
  obj(description, {
    id: planId('原文编号：段落（sec-3-3-p2）、标题（章节编号）或关键技术（kt-N）'),
    quote: str('所引原文，逐字照录'),
    place: str('原文位置，按规划自身编号书写，如“三（三）第2段”'),
    href,
  });

/** The fields every JSON download starts with. */
function common(file: string): Record<string, JsonSchema> {
  return {
    $schema: str('本文件的 JSON Schema（相对路径）', { const: `./${file.replace(/\.json$/, '.schema.json')}` }),
    title: str('文件标题'),
    edition: str('本校读本的版本日期（YYYY-MM-DD）：内容最后一次改动的日期', { pattern: DATE }),
  };
}

function document(file: string, title: string, description: string, properties: Record<string, JsonSchema>): JsonSchema {
  return { $schema: DIALECT, title, ...obj(description, { ...common(file), ...properties }) };
}

function envelope(file: string, title: string, key: string, description: string, items: JsonSchema): JsonSchema {
  return document(file, title, description, { [key]: arr(`${title}，按规划中的先后排列`, items) });
}

const sourceLine = obj('源文件的一行', {
  indent: str('行首空白；没有文字的行则为整行内容'),
  blocks: arr('该行所印各块的编号（标题与正文连排时为两块）', planId('块编号')),
});

export const planSchema: JsonSchema = document('plan.json', '规划全文（结构化）', '整部规划：目录结构、全部文字块、编者注，以及可逐字节还原源文件的行信息。', {
  source: obj('源文件', {
    file: str('源文件在仓库中的路径'),
    sha256: str('源文件的 SHA-256', { pattern: '^[0-9a-f]{64}$' }),
    lines: arr('源文件逐行：每行 = indent + 各块 text 依次相连；各行以换行符（LF）连接即得原文件', sourceLine),
  }),
  sections: arr('全部章节（含前言），按先后排列', obj('一个章节', {
    id: planId('章节编号，按规划的印刷编号（已校正）'),
    kind: str('层级类型', { enum: ['preamble', 'chapter', 'section', 'subsection', 'item'] }),
    level: int('层级：0＝前言，1＝一、，2＝（一），3＝1、，4＝（1）', { minimum: 0, maximum: 4 }),
    parent: nullable(planId('上级章节编号；前言为 null')),
    path: str('按规划编号书写的位置，如“四（三）1（10）”'),
    marker: str('原文所印编号，如“（三）”“3.”'),
    printedNumber: int('原文所印的序号'),
    number: int('校正后的序号（编号用此数；与 printedNumber 不同处有编者注）'),
    title: str('标题文字（不含编号）'),
    heading: nullable(str('原文所印标题行；前言和并入段落的原则条目为 null')),
    runIn: bool('true：编号与正文印在同一段（三（二）1—7）'),
    line: int('所在行号', { minimum: 1 }),
    href,
  })),
  blocks: arr('全部文字块，按阅读顺序', obj('一个文字块：标题、段落、关键技术或“图N（略）”', {
    id: planId('块编号；标题块的编号即其章节编号'),
    kind: str('块的类型', { enum: ['heading', 'paragraph', 'keyTechnology', 'figure'] }),
    section: planId('所属章节编号'),
    chapter: int('所在部分：0＝前言，1—6＝一至六', { minimum: 0 }),
    line: int('在源文件中的行号（从 1 起）', { minimum: 1 }),
    n: nullable(int('段落在本节中的序号、关键技术或图的序号；标题为 null', { minimum: 1 })),
    text: str('原文，逐字照录（不含行首缩进）'),
    place: str('原文位置，如“四（三）1（10）第2段”'),
    href,
  })),
  notes: arr('全部编者注', obj('一条编者注', {
    id: str('编者注编号', { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
    type: str('类型', { enum: Object.keys(correctionTypes) }),
    typeLabel: str('类型的中文名称，如“文字错误”'),
    target: obj('所注原文', {
      id: planId('所注文字所在块的编号'),
      quote: str('所注原文（标题与正文连排的，以“|”标出分界）'),
      start: int('所注文字在该块 text 中的起点（UTF-16 码元偏移）', { minimum: 0 }),
      end: int('所注文字的终点（不含）', { minimum: 0 }),
    }),
    anchor: nullable(obj('误置注释应在的位置', {
      id: planId('所在块编号'),
      quote: str('其前的原文'),
      at: int('在该块 text 中的偏移', { minimum: 0 }),
    })),
    reading: nullable(str('校正后的读法')),
    footnote: nullable(str('编者补出的注释文字（非原文）')),
    note: str('编者说明'),
  })),
});

const figureRef = obj('重建图', { id: str('图编号 fig-N', { pattern: '^fig-\\d+$' }), n: int('图序号', { minimum: 1 }), caption: str('图题'), node: str('图中该技术的节点编号'), inferred: bool('true：与此图的关联出自编者判断') });

export const keyTechnologiesSchema: JsonSchema = envelope('key-technologies.json', '重大关键技术', 'keyTechnologies', '规划五（二）列出的40项重大关键技术，各附所属发展方向、展示它的重建图及图中与之相连的原文段落。', obj('一项重大关键技术', {
  id: str('编号 kt-1 … kt-40', { pattern: '^kt-\\d+$' }),
  n: int('原文序号', { minimum: 1 }),
  marker: str('原文所印编号，如“关键技术12”'),
  title: str('名称（原文）'),
  direction: obj('所属发展方向（五（二）的小节）', { id: planId('章节编号'), path: str('位置，如“五（二）1”'), title: str('标题，如“新能源”') }),
  place: str('原文位置'),
  href,
  figures: arr('展示该技术的重建图', figureRef),
  paragraphs: arr('图中与该技术相连的节点及其原文段落', obj('相连的原文', {
    figure: str('图编号', { pattern: '^fig-\\d+$' }),
    via: str('相连节点的文字'),
    basis: str(`连线依据：${basisDoc}`, { enum: Object.keys(LINK_BASES) }),
    id: planId('原文编号'),
    quote: str('所引原文'),
    place: str('原文位置'),
    href,
  })),
}));

const figureSource = source('所据原文');

export const figuresSchema: JsonSchema = envelope('figures.json', '据正文重建的图', 'figures', '原文仅注“图N（略）”的十二幅图，据正文重建：每个节点引用原文，每条连线注明依据。', obj('一幅图', {
  id: str('图编号 fig-N', { pattern: '^fig-\\d+$' }),
  n: int('图序号', { minimum: 1 }),
  caption: str('图题（原文“见图N”处的名称）'),
  domain: str('领域'),
  section: obj('图所在章节', { id: planId('章节编号'), place: str('位置'), href }),
  count: nullable(obj('原文所述的类数与项数（如“五大类18项”）', { categories: int('类数', { minimum: 1 }), items: int('项数', { minimum: 1 }), source: figureSource })),
  layers: arr('图的各层（列）', obj('一层', { key: str('层的键'), label: str('层的名称') })),
  nodes: arr('节点', obj('一个节点', {
    id: str('节点编号（图内唯一）'),
    layer: str('所在层的键'),
    layerLabel: str('所在层的名称'),
    label: str('节点文字（所引原文的一部分）'),
    detail: nullable(str('第二行文字')),
    kind: nullable(str('研发内容列中非技术者的类别', { enum: ['product', 'resource', 'project'] })),
    kt: nullable(str('对应的重大关键技术编号', { pattern: '^kt-\\d+$' })),
    items: nullable(int('原文为该节点给出的项数', { minimum: 1 })),
    inferred: bool('true：编者推断的节点'),
    note: nullable(str('编者说明')),
    source: figureSource,
  })),
  links: arr('连线', obj('一条连线', {
    from: str('起点节点编号'),
    to: str('终点节点编号'),
    basis: str(`依据：${basisDoc}`, { enum: Object.keys(LINK_BASES) }),
    term: nullable(str('措辞相同时两端共有的词语')),
    reason: nullable(str('编者判断的理由')),
    note: nullable(str('编者说明')),
    source: nullable(source('明言该关系的原文（仅原文明言时）')),
  })),
}));

const indicatorSource = source('原文出处');

export const indicatorsSchema: JsonSchema = envelope('indicators.json', '“十二五”主要目标', 'indicators', '规划三（三）“主要目标”为2015年设定的量化目标：目标值照录原文表述，起点仅在原文给出时列出。', obj('一项指标', {
  id: str('指标编号（小写英文连字符，稳定不变）', { pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
  group: obj('目标领域', { id: str('设定该领域目标的原文段落编号', { pattern: PARAGRAPH_ID }), title: str('领域名称（原文段首标签；首段为“总体目标”）') }),
  name: str('指标名称'),
  unit: str('单位（原文所用）'),
  kind: str('share＝比例；growth＝年均增长率；count＝数量', { enum: ['share', 'growth', 'count'] }),
  target: obj('目标', {
    value: num('目标值（原文数字）'),
    comparator: str('原文表述，“…”代表数字', { enum: COMPARATOR_NAMES }),
    label: str('页面所示的目标，如“≥ 1.5%”'),
    year: int('目标年份'),
    source: indicatorSource,
  }),
  baseline: nullable(obj('起点（仅原文给出时）', {
    value: num('起点值（原文数字）'),
    unit: str('单位（原文所用）'),
    when: nullable(str('起点时间（原文字词）；原文未注则为 null')),
    source: indicatorSource,
  })),
  note: nullable(str('编者说明')),
}));

export const numbersSchema: JsonSchema = envelope('numbers.json', '规划中的全部数字', 'numbers', '从正文自动提取的全部带单位的数字（不含年份、编号和引号、书名号中的名称），各附所在分句与位置。', obj('一个数字', {
  id: str('编号：所在块编号加 -n 序号', { pattern: '^.+-n\\d+$' }),
  block: planId('所在段落、标题或关键技术的编号'),
  chapter: int('所在部分：0＝前言，1—6＝一至六', { minimum: 0 }),
  text: str('原文写法（数字连单位）'),
  value: num('数值（按原文数字，不乘“亿”“万”）'),
  scale: num('单位所含倍数：亿＝100000000，万＝10000，其余为 1'),
  unit: str('单位（不含“亿”“万”）；原文未印单位则为空字符串'),
  more: bool('true：原文作“多”，如“20多个”'),
  ordinal: bool('true：名次，如“第22位”'),
  start: int('在所在块 text 中的起点（UTF-16 码元偏移）', { minimum: 0 }),
  end: int('终点（不含）', { minimum: 0 }),
  context: str('所在分句（原文）'),
  place: str('原文位置'),
  href,
  notes: arr('涉及该数字的编者注编号', str('编者注编号')),
  section: planId('所在章节编号'),
}));
