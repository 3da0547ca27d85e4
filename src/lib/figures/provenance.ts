import { basename } from 'node:path';
import { DataError } from '../errors.ts';
import { parseChineseNumeral, toChineseNumeral } from '../plan/numerals.ts';
import { hasId, locate } from '../plan/locate.ts';
import { blockOf, blocksOf, type Plan } from '../plan/outline.ts';
import { layerKeysOf } from './grammar.ts';
import { CATEGORY_LAYER, KT_LAYER, type FigureData, type FigureLink, type FigureNode, type FigureSource } from './schema.ts';
import { sharedTerm } from './wording.ts';

/**
 * A rebuilt figure may only say what the plan says. These checks tie every label, count and
 * stated link back to the exact words of the parsed plan, so a typo in a quote or a drifted
 * label fails the build instead of putting words in the plan's mouth.
 *
 * Rules (see also schema.ts):
 * - a source id is a paragraph (sec-…-pN), a key technology (kt-N) or a section whose printed
 *   heading is cited (sec-4-4-1); the quote must be an exact substring of that text;
 * - a node's label and detail are substrings of its quote; a key technology node's label is a
 *   substring of the key technology's title (its quote may be any part of the key technology);
 * - on a domain figure (图2–图12) paragraphs and headings must come from the figure's own section,
 *   because the issue asks for what *that domain's* text gives; key technologies may come from 五（二）;
 * - every link has a basis (gradeLink): *stated* when it cites a sentence whose quote names both
 *   ends; else *shared wording* when the two labels share a specific term (wording.ts); else the
 *   editor's *judgement*, which must say why in `reason`;
 * - count.source states both numbers as printed ("五大类18项", "四大类共15项"), the number of
 *   category nodes equals the stated number of categories, and the category labels cover every
 *   category the text names (a name may be split into several labels, e.g. 电子材料与新型合金);
 * - the caption is the name the section itself gives the figure ("…见图N").
 */

interface ResolvedSource {
  text: string;
  /** The section the cited words belong to (for a key technology: the 五（二） section it is listed under). */
  sectionId: string;
  kind: 'paragraph' | 'keyTechnology' | 'heading';
}

function resolveSource(plan: Plan, source: FigureSource): ResolvedSource | string {
  if (!hasId(plan, source.id)) return `source id ${source.id} does not exist in the plan`;
  const at = locate(plan, source.id);
  if (at.kind === 'section') {
    // A run-in principle prints its number and lead inside the paragraph, so there is no heading to quote.
    if (!at.block) return `section ${source.id} has no printed heading of its own; cite its paragraph (${at.section.paragraphIds[0] ?? 'none'}) instead`;
    return { text: at.block.text, sectionId: at.section.id, kind: 'heading' };
  }
  if (at.kind === 'figure') return `${source.id} is a figure placeholder, not words of the text`;
  return { text: at.block!.text, sectionId: at.section.id, kind: at.kind };
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Checks a source and returns the cited text, or throws naming the node and the problem. */
function checkSource(plan: Plan, figure: FigureData, source: FigureSource, file: string, where: string): ResolvedSource {
  const resolved = resolveSource(plan, source);
  if (typeof resolved === 'string') throw new DataError(file, where, resolved);
  if (!resolved.text.includes(source.quote)) {
    throw new DataError(file, where, `quote "${source.quote}" is not found in ${source.id}, which reads "${excerpt(resolved.text)}"`);
  }
  if (figure.n !== 1 && resolved.kind !== 'keyTechnology' && resolved.sectionId !== figure.section) {
    throw new DataError(file, where, `${source.id} is outside ${figure.section}: a domain figure may only cite its own section's text (or a key technology kt-N)`);
  }
  return resolved;
}

function nodeWhere(node: FigureNode): string {
  return `node "${node.id}"`;
}

/** The figure's own structure: ids, layers and link ends, which need no plan. */
export function checkStructure(figure: FigureData, file: string): void {
  const fileName = basename(file);
  const number = fileName.match(/^fig-(\d+)\.ya?ml$/)?.[1];
  if (number !== undefined) {
    const expected = `fig-${String(figure.n).padStart(2, '0')}.yaml`;
    if (Number(number) !== figure.n || fileName !== expected) {
      throw new DataError(file, 'id', `${figure.id} must be stored as ${expected}, not ${fileName}`);
    }
  }

  const layers = new Set(layerKeysOf(figure.n));
  const ids = new Set<string>();
  const used = new Set<string>();
  for (const node of figure.nodes) {
    const where = nodeWhere(node);
    if (ids.has(node.id)) throw new DataError(file, where, 'node id is used twice');
    ids.add(node.id);
    if (!layers.has(node.layer)) throw new DataError(file, where, `layer "${node.layer}" is not one of the figure's layers (${[...layers].join(', ')})`);
    used.add(node.layer);
    if (node.layer === KT_LAYER) {
      if (node.kt === undefined) throw new DataError(file, where, 'a node in the kt layer must say which key technology it is (kt: N)');
      if (node.id !== `kt-${node.kt}`) throw new DataError(file, where, `a key technology node must have id kt-${node.kt}`);
      if (node.source.id !== `kt-${node.kt}`) throw new DataError(file, `${where} → source.id`, `must be kt-${node.kt}, the key technology itself`);
    } else if (node.kt !== undefined) {
      throw new DataError(file, where, `kt is only for nodes in the "${KT_LAYER}" layer`);
    }
  }
  // A layer the text says nothing of stays in the figure as 正文未述 (grammar.ts): no check here.

  const seen = new Set<string>();
  for (const link of figure.links) {
    const where = `link "${link.from} → ${link.to}"`;
    for (const end of [link.from, link.to]) if (!ids.has(end)) throw new DataError(file, where, `node "${end}" does not exist in this figure`);
    if (link.from === link.to) throw new DataError(file, where, 'a link must join two different nodes');
    const key = `${link.from}\u0000${link.to}`;
    if (seen.has(key)) throw new DataError(file, where, 'link is given twice');
    seen.add(key);
  }
}

export interface StatedCategories {
  /** Paragraph holding the list. */
  sourceId: string;
  /** The categories as the print lists them ("电子材料与新型合金" stays one phrase). */
  phrases: string[];
  categories: number;
  items: number;
}

const LIST = /(?:围绕|支持)([^，。；]*?)([一二三四五六七八九十]+)大类(共)?(\d+)项/u;

/**
 * The categories the text names for a domain figure, read from the paragraph its count cites
 * ("围绕A、B以及C三大类共N项"). Undefined for a figure without a count (图1).
 */
export function statedCategories(figure: FigureData, plan: Plan): StatedCategories | undefined {
  if (!figure.count) return undefined;
  const paragraph = blockOf(plan, figure.count.source.id, 'paragraph');
  const match = paragraph?.text.match(LIST);
  if (!paragraph || !match) return undefined;
  return {
    sourceId: paragraph.id,
    phrases: match[1]!.split(/、|以及/u).filter(Boolean),
    categories: parseChineseNumeral(match[2]!),
    items: Number(match[4]),
  };
}

const JOINERS = ['以及', '与', '和', '及'];

/**
 * The category labels that spell out a printed phrase, joined by the plan's own connectors
 * (与/和/及/以及), or undefined. This is how a phrase the editor split to match the stated count
 * ("发电设备和专用产品及配套零部件" → 发电设备 + 专用产品及配套零部件) still proves it is covered.
 */
export function coverPhrase(phrase: string, labels: readonly string[]): string[] | undefined {
  if (labels.includes(phrase)) return [phrase];
  const walk = (at: number): string[] | undefined => {
    if (at === phrase.length) return [];
    for (const label of labels) {
      if (!phrase.startsWith(label, at)) continue;
      const next = at + label.length;
      if (next === phrase.length) return [label];
      for (const joiner of JOINERS) {
        if (!phrase.startsWith(joiner, next)) continue;
        const rest = walk(next + joiner.length);
        if (rest) return [label, ...rest];
      }
    }
    return undefined;
  };
  return walk(0);
}

/** Printed category phrases that no category label (or run of labels) spells out. */
export function uncoveredCategories(figure: FigureData, plan: Plan): string[] {
  const stated = statedCategories(figure, plan);
  if (!stated) return [];
  const labels = figure.nodes.filter((n) => n.layer === CATEGORY_LAYER).map((n) => n.label);
  return stated.phrases.filter((phrase) => !coverPhrase(phrase, labels));
}

function checkCount(figure: FigureData, plan: Plan, file: string): void {
  const count = figure.count;
  if (!count) return;
  checkSource(plan, figure, count.source, file, 'count → source');
  const categoriesText = `${toChineseNumeral(count.categories)}大类`;
  const itemsText = `${count.items}项`;
  for (const needed of [categoriesText, itemsText]) {
    if (!count.source.quote.includes(needed)) {
      throw new DataError(file, 'count → source.quote', `"${count.source.quote}" does not state "${needed}"; the counts must be the ones the text prints`);
    }
  }

  const categories = figure.nodes.filter((n) => n.layer === CATEGORY_LAYER);
  if (categories.length !== count.categories) {
    throw new DataError(file, 'count.categories', `the text states ${count.categories} categories (${categoriesText}) but the figure has ${categories.length} nodes in the "${CATEGORY_LAYER}" layer: ${categories.map((n) => n.id).join(', ') || 'none'}`);
  }
  if (categories.length > 0 && categories.every((n) => n.items !== undefined)) {
    const sum = categories.reduce((total, n) => total + n.items!, 0);
    if (sum !== count.items) throw new DataError(file, 'count.items', `the categories' items add up to ${sum}, but the text states ${count.items}`);
  }

  const stated = statedCategories(figure, plan);
  if (!stated) return;
  if (stated.categories !== count.categories || stated.items !== count.items) {
    throw new DataError(file, 'count', `${stated.sourceId} states ${stated.categories} categories and ${stated.items} items, not ${count.categories} and ${count.items}`);
  }
  const labels = categories.map((n) => n.label);
  const covered = new Set<string>();
  for (const phrase of stated.phrases) {
    const parts = coverPhrase(phrase, labels);
    if (!parts) throw new DataError(file, 'count', `the text names the category "${phrase}" (${stated.sourceId}), but no category node's label spells it out (category labels: ${labels.join('、')})`);
    for (const part of parts) covered.add(part);
  }
  for (const node of categories) {
    if (!covered.has(node.label)) throw new DataError(file, nodeWhere(node), `"${node.label}" is not one of the categories ${stated.sourceId} lists (${stated.phrases.join('、')})`);
  }
}

/**
 * Checks a parsed figure against the plan. Throws a DataError naming the file, the node and
 * the problem at the first failure.
 */
export function checkProvenance(figure: FigureData, plan: Plan, file: string): void {
  checkStructure(figure, file);

  const placeholder = blockOf(plan, figure.id, 'figure');
  if (!placeholder) throw new DataError(file, 'id', `the plan has no ${figure.id.replace('fig-', '图')}（略） placeholder`);
  if (placeholder.sectionId !== figure.section) {
    throw new DataError(file, 'section', `${figure.id}'s placeholder is in ${placeholder.sectionId}, not ${figure.section}`);
  }

  // The caption is the plan's own name for the figure: the words it prints before "见图N".
  const seeFigure = new RegExp(`见图${figure.n}(?!\\d)`, 'u');
  const section = plan.sections.get(figure.section)!;
  const named = section.paragraphIds.some((id) => {
    const text = plan.blockById.get(id)!.text;
    return seeFigure.test(text) && text.includes(figure.caption);
  });
  if (!named) throw new DataError(file, 'caption', `"${figure.caption}" is not how ${figure.section} names 图${figure.n}; use the words it prints before "见图${figure.n}"`);

  for (const node of figure.nodes) {
    const where = nodeWhere(node);
    checkSource(plan, figure, node.source, file, `${where} → source`);
    if (node.layer === KT_LAYER) {
      const kt = blockOf(plan, `kt-${node.kt}`, 'keyTechnology')!;
      if (!kt.title.includes(node.label)) throw new DataError(file, `${where} → label`, `"${node.label}" is not part of the title of kt-${node.kt}, "${kt.title}"`);
    } else if (!node.source.quote.includes(node.label)) {
      throw new DataError(file, `${where} → label`, `"${node.label}" is not part of its quote "${node.source.quote}"`);
    }
    if (node.detail !== undefined && !node.source.quote.includes(node.detail)) {
      throw new DataError(file, `${where} → detail`, `"${node.detail}" is not part of its quote "${node.source.quote}"`);
    }
  }

  for (const link of figure.links) gradeLink(figure, link, plan, file);

  checkCount(figure, plan, file);
}

/** What a link rests on. */
export type LinkBasis = 'stated' | 'shared' | 'judgement';

export interface Grade {
  basis: LinkBasis;
  /** For shared wording: the term both labels contain. */
  term?: string;
}

/** The words a node is known by: a key technology by its full title in 五（二）. */
function wordsOf(plan: Plan, node: FigureNode): string {
  return node.layer === KT_LAYER && node.kt !== undefined ? blockOf(plan, `kt-${node.kt}`, 'keyTechnology')?.title ?? node.label : node.label;
}

/**
 * A link's basis, checked: a stated link's quote must name both ends; a link without a source
 * is shared wording when the labels share a specific term, and otherwise must carry the
 * editor's reason. Throws a DataError naming the link.
 */
export function gradeLink(figure: FigureData, link: FigureLink, plan: Plan, file: string): Grade {
  const byId = new Map(figure.nodes.map((n) => [n.id, n]));
  const where = `link "${link.from} → ${link.to}"`;
  const from = byId.get(link.from)!;
  const to = byId.get(link.to)!;
  if (link.source) {
    checkSource(plan, figure, link.source, file, `${where} → source`);
    for (const end of [from, to]) {
      if (!link.source.quote.includes(end.label)) {
        throw new DataError(file, `${where} → source.quote`, `the quote does not name "${end.label}" (node "${end.id}"), so it does not state this link; cite a sentence that names both ends, or drop the source`);
      }
    }
    return { basis: 'stated' };
  }
  const term = sharedTerm(wordsOf(plan, from), wordsOf(plan, to), figure.nodes.map((n) => wordsOf(plan, n)));
  if (term) {
    if (link.reason) throw new DataError(file, `${where} → reason`, `the two labels share the wording "${term}", which is the link's basis; a reason is only for the editor's judgement (use note for remarks)`);
    return { basis: 'shared', term };
  }
  if (!link.reason) {
    throw new DataError(file, where, `the text does not state this link and "${from.label}" and "${to.label}" share no specific wording; cite the sentence that states it (source) or give the editor's reason (reason)`);
  }
  return { basis: 'judgement' };
}

/** A key technology no figure shows, with the editor's reason (content/figures/unplaced-key-technologies.yaml). */
export interface UnplacedKeyTechnology {
  kt: number;
  reason: string;
}

/**
 * Every one of the 40 重大关键技术 is accounted for: it is drawn in at least one figure, or the
 * unplaced list says why no domain text supports placing it — exactly one of the two. A key
 * technology in both would tell readers two different stories; in neither, it would silently
 * vanish from the edition. Throws a DataError naming the file and the key technology.
 */
export function checkKeyTechnologyCoverage(figures: readonly FigureData[], unplaced: readonly UnplacedKeyTechnology[], plan: Plan, file: string): void {
  const listed = new Map<number, UnplacedKeyTechnology>();
  for (const entry of unplaced) {
    const where = `kt ${entry.kt}`;
    if (!blockOf(plan, `kt-${entry.kt}`, 'keyTechnology')) throw new DataError(file, where, `the plan has no 关键技术${entry.kt} (kt-${entry.kt})`);
    if (listed.has(entry.kt)) throw new DataError(file, where, `关键技术${entry.kt} is listed twice`);
    if (entry.reason.trim() === '待编者复核' || !/\p{Script=Han}/u.test(entry.reason)) {
      throw new DataError(file, `${where} → reason`, 'must say, in one line of Chinese, why no domain figure\'s text supports placing it');
    }
    listed.set(entry.kt, entry);
  }
  for (const kt of blocksOf(plan, 'keyTechnology')) {
    const where = `kt ${kt.n}`;
    const placedIn = figures.filter((f) => f.nodes.some((node) => node.layer === KT_LAYER && node.kt === kt.n)).map((f) => f.id);
    if (placedIn.length > 0 && listed.has(kt.n)) {
      throw new DataError(file, where, `关键技术${kt.n} "${kt.title}" is drawn in ${placedIn.join(', ')} and also listed as unplaced; remove one of the two`);
    }
    if (placedIn.length === 0 && !listed.has(kt.n)) {
      throw new DataError(file, where, `关键技术${kt.n} "${kt.title}" is in no figure and not listed here; place it in a figure or say why it cannot be`);
    }
  }
}
