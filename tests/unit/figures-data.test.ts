import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataError } from '../../src/lib/errors.ts';
import { figureFile, loadFigures, loadUnplacedKeyTechnologies, parseFigureFile, parseUnplacedFile, UNPLACED_KT_FILE } from '../../src/lib/figures/load.ts';
import { checkKeyTechnologyCoverage, checkProvenance, coverPhrase, gradeLink, statedCategories, uncoveredCategories } from '../../src/lib/figures/provenance.ts';
import type { FigureData } from '../../src/lib/figures/schema.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { blockOf, blocksOf } from '../../src/lib/plan/outline.ts';

const { plan } = loadPlan();
const FIG2 = figureFile(2);
const fig2Text = readFileSync(FIG2, 'utf8');

/** fig-02.yaml with one exact edit; fails loudly if the edit no longer applies, so a test never passes vacuously. */
function fig2With(from: string, to: string): string {
  assert.ok(fig2Text.includes(from), `fixture edit "${from}" no longer matches fig-02.yaml`);
  return fig2Text.replace(from, to);
}

function check(yamlText: string, file = FIG2): FigureData {
  const figure = parseFigureFile(yamlText, file);
  checkProvenance(figure, plan, file);
  return figure;
}

/** Asserts a DataError for `file` whose message matches every pattern. */
function throwsDataError(fn: () => unknown, file: string, ...patterns: RegExp[]): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DataError, `expected a DataError, got ${String(error)}`);
    assert.equal(error.file, file);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

describe('the twelve figure files', () => {
  const figures = loadFigures();

  it('all load, validate against the plan and come back sorted by n', () => {
    assert.deepEqual(figures.map((f) => f.id), Array.from({ length: 12 }, (_, i) => `fig-${i + 1}`));
  });

  it('each figure sits where the plan prints its placeholder', () => {
    for (const figure of figures) assert.equal(figure.section, blockOf(plan, figure.id, 'figure')!.sectionId, figure.id);
  });

  it('every category named in the text appears as a category label', () => {
    for (const figure of figures.filter((f) => f.n !== 1)) {
      const stated = statedCategories(figure, plan);
      assert.ok(stated, `${figure.id}: no "…N大类…项" list found in ${figure.count!.source.id}`);
      assert.equal(stated.categories, figure.count!.categories, figure.id);
      assert.equal(stated.items, figure.count!.items, figure.id);
      assert.deepEqual(uncoveredCategories(figure, plan), [], figure.id);
      const labels = new Set(figure.nodes.filter((n) => n.layer === 'category').map((n) => n.label));
      for (const phrase of stated.phrases) {
        // A phrase shown whole must not be flagged as the editor's; a split phrase must be.
        const parts = coverPhrase(phrase, [...labels])!;
        const split = parts.length > 1;
        for (const part of parts) {
          const node = figure.nodes.find((n) => n.layer === 'category' && n.label === part)!;
          if (split) assert.equal(node.inferred, true, `${figure.id}: "${part}" is split from "${phrase}" and must be marked inferred`);
        }
      }
    }
  });

  it('splits exactly the lists whose printed names fall short of the stated count', () => {
    const split = figures.filter((f) => f.n !== 1).map((f) => {
      const stated = statedCategories(f, plan)!;
      return stated.phrases.length === stated.categories ? null : f.id;
    }).filter(Boolean);
    assert.deepEqual(split, ['fig-5', 'fig-6', 'fig-7', 'fig-12']);
  });

  it('never draws the stated items one by one', () => {
    for (const figure of figures.filter((f) => f.count)) {
      const technologies = figure.nodes.filter((n) => n.layer === 'technology').length;
      // What the text names, not the stated total split into invented items: always fewer than it.
      assert.ok(technologies >= 4 && technologies <= 12 && technologies < figure.count!.items, `${figure.id} has ${technologies} technologies for ${figure.count!.items} stated items`);
    }
  });

  it('no link is left with the migration\'s placeholder reason', () => {
    for (const figure of figures) {
      for (const link of figure.links) assert.notEqual(link.reason?.trim(), '待编者复核', `${figure.id}: ${link.from} → ${link.to}`);
    }
  });

  it('every judgement link says why, in Chinese, on one line', () => {
    for (const figure of figures) {
      for (const link of figure.links) {
        if (gradeLink(figure, link, plan, figure.id).basis !== 'judgement') continue;
        assert.match(link.reason!, /^[^\n]*\p{Script=Han}[^\n]*$/u, `${figure.id}: ${link.from} → ${link.to}`);
      }
    }
  });

  it('a key technology node shows the full title of 五（二）', () => {
    for (const figure of figures) {
      for (const node of figure.nodes.filter((n) => n.layer === 'kt')) {
        assert.equal(node.label, blockOf(plan, `kt-${node.kt}`, 'keyTechnology')!.title, `${figure.id}: ${node.id}`);
      }
    }
  });

  it('says what the 研发内容 column holds when it is not a technology', () => {
    const kindOf = (n: number, id: string) => figures[n - 1]!.nodes.find((node) => node.id === id)?.kind;
    assert.equal(kindOf(6, 'special-vehicles'), 'product');
    assert.equal(kindOf(6, 'petroleum-machinery'), 'product');
    assert.equal(kindOf(3, 'gas-hydrate-basic'), 'resource');
    assert.equal(kindOf(4, 'electrolytic-mg'), 'project');
    assert.equal(kindOf(2, 'wind-tech'), undefined, 'a technology has no kind');
  });

  it('places the key technologies the issue found missing', () => {
    const linked = (n: number, from: string, to: string) => figures[n - 1]!.links.some((l) => l.from === from && l.to === to);
    assert.ok(linked(3, 'oil-gas-metal-coal', 'kt-15'), 'kt-15 in 图3\'s oil-and-gas chain');
    assert.ok(linked(3, 'oil-gas-metal-coal', 'kt-17'), 'kt-17 in 图3\'s oil-and-gas chain');
    assert.ok(figures[8]!.links.some((l) => l.to === 'kt-26'), 'kt-26 in 图9');
    assert.ok(figures[8]!.links.some((l) => l.from === 'pest-control'), '图9\'s 病虫害防治 has an item');
    assert.ok(linked(2, 'nev-demo', 'kt-10'), 'kt-10 in 图2');
    assert.ok(figures[11]!.links.some((l) => l.to === 'kt-39'), 'kt-39 in 图12');
  });

  it('accounts for every one of the 40 key technologies: in a figure, or listed with a reason, never both', () => {
    const unplaced = new Set(loadUnplacedKeyTechnologies().map((e) => e.kt));
    const kts = blocksOf(plan, 'keyTechnology').map((b) => b.n);
    assert.equal(kts.length, 40);
    for (const n of kts) {
      const placed = figures.some((f) => f.nodes.some((node) => node.kt === n));
      assert.ok(placed !== unplaced.has(n), `关键技术${n}: ${placed ? 'in a figure and listed as unplaced' : 'in no figure and not listed'}`);
    }
  });

  it('fig-1 cites printed headings for its safeguards', () => {
    const fig1 = figures[0]!;
    const safeguards = fig1.nodes.filter((n) => n.layer === 'safeguard');
    assert.deepEqual(safeguards.map((n) => n.source.id), Array.from({ length: 8 }, (_, i) => `sec-6-${i + 1}`));
  });
});

describe('bad figure data gives a clear error', () => {
  it('passes the unedited fixture', () => {
    assert.equal(check(fig2Text).id, 'fig-2');
  });

  it('unknown paragraph id', () => {
    const text = fig2With('source: { id: sec-5-1-1-p1, quote: "接入电力系统关键技术研究" }', 'source: { id: sec-5-1-1-p9, quote: "接入电力系统关键技术研究" }');
    throwsDataError(() => check(text), FIG2, /node "grid-access" → source/, /sec-5-1-1-p9 does not exist/);
  });

  it('quote not in the paragraph', () => {
    const text = fig2With('quote: "接入电力系统关键技术研究"', 'quote: "接入电网系统关键技术研究"');
    throwsDataError(() => check(text), FIG2, /node "grid-access" → source/, /"接入电网系统关键技术研究" is not found in sec-5-1-1-p1/);
  });

  it('paragraph from another domain', () => {
    const text = fig2With('source: { id: sec-5-1-1-p1, quote: "接入电力系统关键技术研究" }', 'source: { id: sec-5-1-2-2-p2, quote: "氯平衡技术" }');
    throwsDataError(() => check(text), FIG2, /node "grid-access"/, /outside sec-5-1-1/);
  });

  it('label that is not part of its quote', () => {
    const text = fig2With('label: 接入电力系统关键技术,', 'label: 电力系统接入技术,');
    throwsDataError(() => check(text), FIG2, /node "grid-access" → label/, /not part of its quote/);
  });

  it('key technology label that is not part of its title', () => {
    const text = fig2With('label: 高海拔地区风能利用技术,', 'label: 高原风能利用技术,');
    throwsDataError(() => check(text), FIG2, /node "kt-9" → label/, /title of kt-9/);
  });

  it('category count disagreeing with the text', () => {
    const text = fig2With('id: wind-industry, layer: category', 'id: wind-industry, layer: technology');
    throwsDataError(() => check(text), FIG2, /count\.categories/, /states 5 categories \(五大类\) but the figure has 4/);
  });

  it('count whose quote does not print the numbers', () => {
    const text = fig2With('categories: 5\n  items: 18', 'categories: 5\n  items: 17');
    throwsDataError(() => check(text), FIG2, /count → source\.quote/, /does not state "17项"/);
  });

  it('category items that do not add up to the stated total', () => {
    const text = fig2With('label: 光伏产业,', 'label: 光伏产业, items: 18,')
      .replace('label: 光伏发电系统,', 'label: 光伏发电系统, items: 1,')
      .replace('label: 风电产业,', 'label: 风电产业, items: 1,')
      .replace('label: 光热利用,', 'label: 光热利用, items: 1,')
      .replace('label: 电网安全,', 'label: 电网安全, items: 1,');
    throwsDataError(() => check(text), FIG2, /count\.items/, /add up to 22, but the text states 18/);
  });

  it('a category the text names but no label spells out', () => {
    const text = fig2With('label: 光伏发电系统,', 'label: 光伏发电,');
    throwsDataError(() => check(text), FIG2, /names the category "光伏发电系统"/);
  });

  it('YAML syntax error, with line and column', () => {
    const text = fig2With('caption: 新能源领域重要科技方向及路线', 'caption: [新能源领域重要科技方向及路线');
    throwsDataError(() => parseFigureFile(text, FIG2), FIG2, /line \d+, column \d+/, /YAML syntax error/);
  });

  it('unknown link endpoint', () => {
    const text = fig2With('{ from: wind-tech, to: kt-9 }', '{ from: wind-tech, to: kt-99 }');
    throwsDataError(() => check(text), FIG2, /link "wind-tech → kt-99"/, /node "kt-99" does not exist/);
  });

  it('unknown layer', () => {
    const text = fig2With('id: grid-access, layer: technology', 'id: grid-access, layer: technique');
    throwsDataError(() => parseFigureFile(text, FIG2), FIG2, /node "grid-access" → layer/, /must be one of category, technology, kt, mode, vehicle, maturity, goal/);
  });

  it('schema errors name the node and field', () => {
    const text = fig2With('label: 光伏产业,', 'label: 光伏产业, items: many,');
    throwsDataError(() => parseFigureFile(text, FIG2), FIG2, /node "pv-industry" → items/);
  });

  it('a link with neither a sentence, nor shared wording, nor the editor\'s reason', () => {
    const text = fig2With('{ from: pv-system, to: grid-access, reason:', '{ from: pv-system, to: grid-access, note:');
    throwsDataError(() => check(text), FIG2, /link "pv-system → grid-access"/, /share no specific wording; cite the sentence that states it \(source\) or give the editor's reason/);
  });

  it('a reason on a link whose basis is shared wording', () => {
    const text = fig2With('{ from: wind-tech, to: kt-9 }', '{ from: wind-tech, to: kt-9, reason: 同属风能 }');
    throwsDataError(() => check(text), FIG2, /link "wind-tech → kt-9" → reason/, /share the wording "地区风"/);
  });

  it('a stated link whose sentence does not name both ends', () => {
    const text = fig2With('{ from: wind-tech, to: kt-9 }', '{ from: wind-tech, to: self-rd, source: { id: sec-5-1-1-p4, quote: "以自主研发与联合开发为主要创新类型" } }');
    throwsDataError(() => check(text), FIG2, /link "wind-tech → self-rd" → source\.quote/, /does not name "适宜地区风电技术"/);
  });

  it('a kind outside the 研发内容 column', () => {
    const text = fig2With('id: wind-industry, layer: category,', 'id: wind-industry, layer: category, kind: product,');
    throwsDataError(() => parseFigureFile(text, FIG2), FIG2, /node "wind-industry" → kind/, /only nodes of the "technology" layer/);
  });

  it('section that is not where the placeholder is', () => {
    const text = fig2With('section: sec-5-1-1\n', 'section: sec-5-1-2\n');
    throwsDataError(() => check(text), FIG2, /section/, /placeholder is in sec-5-1-1/);
  });

  it('id, n and file name that disagree', () => {
    throwsDataError(() => parseFigureFile(fig2With('n: 2\n', 'n: 3\n'), FIG2), FIG2, /n: n is 3 but id is fig-2/);
    throwsDataError(() => check(fig2Text, figureFile(3)), figureFile(3), /fig-2 must be stored as fig-02\.yaml/);
  });

  it('a heading source for a run-in principle, which has no heading', () => {
    const fig1 = readFileSync(figureFile(1), 'utf8');
    const from = 'source: { id: sec-3-2-1-p1, quote: "国家战略与区域发展相结合。" }';
    assert.ok(fig1.includes(from));
    const text = fig1.replace(from, 'source: { id: sec-3-2-1, quote: "国家战略与区域发展相结合。" }');
    throwsDataError(() => check(text, figureFile(1)), figureFile(1), /node "principle-1" → source/, /no printed heading of its own/);
  });

  it('a missing figure file fails the load', () => {
    const root = mkdtempSync(join(tmpdir(), 'figures-'));
    try {
      for (const dir of ['content/source', 'content/editorial']) cpSync(dir, join(root, dir), { recursive: true });
      mkdirSync(join(root, 'content/figures'), { recursive: true });
      for (let n = 1; n <= 12; n++) if (n !== 7) cpSync(figureFile(n), join(root, figureFile(n)));
      throwsDataError(() => loadFigures(root), figureFile(7), /图7（略） has no figure data/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the key technologies no figure shows', () => {
  const figures = loadFigures();
  const unplacedText = readFileSync(UNPLACED_KT_FILE, 'utf8');
  const coverage = (yamlText: string) => checkKeyTechnologyCoverage(figures, parseUnplacedFile(yamlText), plan, UNPLACED_KT_FILE);

  /** The unplaced file with one exact edit; fails loudly if the edit no longer applies. */
  function unplacedWith(from: string, to: string): string {
    assert.ok(unplacedText.includes(from), `fixture edit "${from}" no longer matches ${UNPLACED_KT_FILE}`);
    return unplacedText.replace(from, to);
  }

  it('passes the real list', () => {
    coverage(unplacedText);
  });

  it('a key technology in no figure and not listed', () => {
    const text = unplacedWith('- { kt: 6,', '# - { kt: 6,');
    throwsDataError(() => coverage(text), UNPLACED_KT_FILE, /kt 6/, /关键技术6 "农牧区新型用能结构关键技术研究与示范" is in no figure and not listed here/);
  });

  it('a key technology both in a figure and listed', () => {
    const text = `${unplacedText}- { kt: 9, reason: "正文未提。" }\n`;
    throwsDataError(() => coverage(text), UNPLACED_KT_FILE, /kt 9/, /is drawn in fig-2 and also listed as unplaced/);
  });

  it('a key technology the plan does not have', () => {
    const text = `${unplacedText}- { kt: 41, reason: "正文未提。" }\n`;
    throwsDataError(() => coverage(text), UNPLACED_KT_FILE, /kt 41/, /the plan has no 关键技术41/);
  });

  it('a key technology listed twice', () => {
    const text = `${unplacedText}- { kt: 6, reason: "正文未提。" }\n`;
    throwsDataError(() => coverage(text), UNPLACED_KT_FILE, /kt 6/, /listed twice/);
  });

  it('a placeholder instead of a reason', () => {
    const text = unplacedText.replace(/- \{ kt: 8, reason: "[^"]*" \}/, '- { kt: 8, reason: "待编者复核" }');
    assert.notEqual(text, unplacedText, 'fixture edit no longer matches');
    throwsDataError(() => coverage(text), UNPLACED_KT_FILE, /kt 8 → reason/, /one line of Chinese/);
  });

  it('an entry without a reason, or with a reason of two lines, names the key technology', () => {
    throwsDataError(() => parseUnplacedFile(`${unplacedText}- { kt: 12 }\n`), UNPLACED_KT_FILE, /kt 12 → reason/);
    throwsDataError(() => parseUnplacedFile(`${unplacedText}- { kt: 12, reason: "正文未提。\\n另起一行。" }\n`), UNPLACED_KT_FILE, /kt 12 → reason: must be one line/);
  });

  it('a missing list fails the load', () => {
    const root = mkdtempSync(join(tmpdir(), 'figures-'));
    try {
      for (const dir of ['content/source', 'content/editorial']) cpSync(dir, join(root, dir), { recursive: true });
      mkdirSync(join(root, 'content/figures'), { recursive: true });
      for (let n = 1; n <= 12; n++) cpSync(figureFile(n), join(root, figureFile(n)));
      throwsDataError(() => loadFigures(root), UNPLACED_KT_FILE, /missing/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
