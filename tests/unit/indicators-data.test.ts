import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DataError } from '../../src/lib/errors.ts';
import { checkIndicator, targetsSection } from '../../src/lib/indicators/check.ts';
import { targetLabel } from '../../src/lib/indicators/comparators.ts';
import { indicatorFile, loadIndicators, parseIndicatorFile } from '../../src/lib/indicators/load.ts';
import { planNumbers } from '../../src/lib/indicators/plan-numbers.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { blocksOf } from '../../src/lib/plan/outline.ts';

const { plan } = loadPlan();
const indicators = loadIndicators();

/** An indicator file with one exact edit; fails loudly if the edit no longer applies. */
function edited(id: string, from: string, to: string): string {
  const text = readFileSync(indicatorFile(id), 'utf8');
  assert.ok(text.includes(from), `fixture edit "${from}" no longer matches ${indicatorFile(id)}`);
  return text.replace(from, to);
}

function check(id: string, yamlText: string) {
  return checkIndicator(id, parseIndicatorFile(yamlText, id), plan, indicatorFile(id));
}

function throwsDataError(fn: () => unknown, file: string, ...patterns: RegExp[]): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof DataError, `expected a DataError, got ${String(error)}`);
    assert.equal(error.file, file);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return true;
  });
}

describe('the indicator files', () => {
  it('all load and check against the plan, in the order the plan states them', () => {
    assert.equal(indicators.length, 30);
    const orders = indicators.map((i) => i.order);
    assert.deepEqual(orders, [...orders].sort((a, b) => a - b));
  });

  it('fall into the seven target areas of 三（三）, named by the text', () => {
    const section = targetsSection(plan);
    assert.equal(section.id, 'sec-3-3');
    const groups = [...new Map(indicators.map((i) => [i.group.id, i.group.title])).values()];
    assert.deepEqual(groups, ['总体目标', '科技创新投入', '科技创新人才', '高新技术产业', '科技产出', '科技创新平台', '基层科技工作']);
  });

  it('every number printed in 三（三） is the target or baseline of an indicator: the list cannot silently miss one', () => {
    const section = targetsSection(plan);
    const used = new Set(indicators.flatMap((i) => [i.targetNumber, i.baselineNumber].filter((n) => n).map((n) => `${n!.paragraphId}:${n!.start}`)));
    const unused = planNumbers(plan).filter((n) => plan.blockById.get(n.blockId)?.sectionId === section.id && !used.has(`${n.blockId}:${n.start}`));
    assert.deepEqual(unused.map((n) => n.text), []);
  });

  it('each target and baseline is a number the extraction finds in the plan, at the same words', () => {
    const numbers = planNumbers(plan);
    for (const indicator of indicators) {
      for (const [end, at, value] of [['target', indicator.targetNumber, indicator.target.value], ['baseline', indicator.baselineNumber, indicator.baseline?.value]] as const) {
        if (!at) continue;
        const found = numbers.find((n) => n.blockId === at.paragraphId && n.start === at.start && n.end === at.end);
        assert.ok(found, `${indicator.id} ${end}: ${at.text} in ${at.paragraphId} is not among the extracted numbers`);
        assert.equal(found.value, value, `${indicator.id} ${end}`);
      }
    }
  });

  it('shows the text’s comparator in every label', () => {
    const label = (id: string) => {
      const i = indicators.find((x) => x.id === id)!;
      return targetLabel(i.target.comparator, i.target.value, i.unit);
    };
    assert.equal(label('fiscal-st-share'), '≥ 1.5%');
    assert.equal(label('st-personnel'), '约 26500 人');
    assert.equal(label('invention-patent-share'), '≥ 20%');
    assert.equal(label('st-achievements-growth'), '年均增长 ≥ 10%');
    assert.equal(label('key-laboratories'), '增加到 55 个');
    assert.equal(label('progress-contribution'), '达到 50%');
  });

  it('has baselines only where the text states one', () => {
    assert.deepEqual(indicators.filter((i) => i.baseline).map((i) => `${i.id}:${i.baseline!.value}`), [
      'progress-contribution:45', 'st-personnel:19996', 'high-tech-enterprises:38',
      'key-laboratories:40', 'joint-key-laboratories:3', 'engineering-research-centres:15', 'enterprise-tech-centres:14',
    ]);
  });
});

describe('bad indicator data fails with the file, the indicator and the problem', () => {
  const FILE = indicatorFile('st-personnel');

  it('a mistyped value', () => {
    throwsDataError(() => check('st-personnel', edited('st-personnel', 'value: 26500', 'value: 26000')), FILE,
      /indicator "st-personnel" → target\.value/, /value 26000 is not a number of the quote "全省科技活动人员总量达到26500人左右", which prints 26500人/);
  });

  it('a mistyped baseline value', () => {
    throwsDataError(() => check('st-personnel', edited('st-personnel', 'value: 19996', 'value: 19969')), FILE, /indicator "st-personnel" → baseline\.value/, /19969/);
  });

  it('a value written out with 亿/万 still matches; a wrong unit does not', () => {
    assert.ok(check('st-personnel', edited('st-personnel', 'value: 26500', 'value: 26500.0')));
    throwsDataError(() => check('st-personnel', edited('st-personnel', 'unit: "人"', 'unit: "名"')), FILE, /target\.value/, /unit "名" does not match the text, which prints 26500人/);
  });

  it('a quote that is not in the paragraph', () => {
    throwsDataError(() => check('st-personnel', edited('st-personnel', '全省科技活动人员总量达到26500人左右', '全省科技活动人员总数达到26500人左右')), FILE,
      /indicator "st-personnel" → target\.source/, /quote "全省科技活动人员总数达到26500人左右" is not found in sec-3-3-p3/);
  });

  it('an unknown paragraph id', () => {
    throwsDataError(() => check('st-personnel', edited('st-personnel', 'id: sec-3-3-p3', 'id: sec-3-3-p9')), FILE, /target\.source/, /id sec-3-3-p9 does not exist in the plan/);
  });

  it('a shape error names the field', () => {
    throwsDataError(() => parseIndicatorFile(edited('st-personnel', 'comparator: "达到…左右"', 'comparator: "大约"'), 'st-personnel'), FILE, /indicator "st-personnel" → target\.comparator/);
    throwsDataError(() => parseIndicatorFile(edited('st-personnel', 'year: 2015', 'year: 2015\n  extra: 1'), 'st-personnel'), FILE, /target/);
  });

  it('a comparator the text does not use, or one that drops its 以上/左右', () => {
    throwsDataError(() => check('st-personnel', edited('st-personnel', '"达到…左右"', '"达到…"')), FILE, /target\.comparator/, /drops the text's "左右"/);
    throwsDataError(() => check('st-personnel', edited('st-personnel', '"达到…左右"', '"不低于…"')), FILE, /"不低于" does not come before 26500人/);
    throwsDataError(() => check('key-laboratories', edited('key-laboratories', 'value: 40', 'value: 55')), indicatorFile('key-laboratories'), /target\.comparator/, /does not read "由55个增加到55个"/);
  });

  it('a target outside 三（三）, a year the text does not state, a `when` not in the quote', () => {
    throwsDataError(() => check('st-personnel', edited('st-personnel', 'target:\n  value: 26500\n  comparator: "达到…左右"\n  year: 2015\n  source: { id: sec-3-3-p3, quote: "全省科技活动人员总量达到26500人左右" }', 'target:\n  value: 19996\n  comparator: "由…增加到…"\n  year: 2015\n  source: { id: sec-1-3-p1, quote: "增加到2009年的19996人" }')), FILE, /is outside 三（三）主要目标/);
    throwsDataError(() => check('st-personnel', edited('st-personnel', 'year: 2015', 'year: 2016')), FILE, /target\.year/, /"2016年" is stated neither/);
    throwsDataError(() => check('st-personnel', edited('st-personnel', 'when: "2009年"', 'when: "2010年"')), FILE, /baseline\.when/);
  });

  it('a quote across an editorial note’s marker (the link could not find its words)', () => {
    throwsDataError(() => check('st-personnel', edited('st-personnel', 'quote: "从2005年', 'quote: "全省科技活动人员从2005年')), FILE,
      /baseline\.source/, /runs across the marker of editorial note "footnote-kejihuodong-renyuan"/);
  });
});

it('the targets section really is where the plan sets its 2015 targets', () => {
  const section = targetsSection(plan);
  const paragraphs = blocksOf(plan, 'paragraph').filter((p) => p.sectionId === section.id);
  assert.ok(paragraphs[0]!.text.startsWith('到2015年'));
});
