import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartGeometry, overlaps, CHART_WIDTH } from '../../src/lib/indicators/chart.ts';
import { groupViews, numbersByChapter } from '../../src/lib/indicators/dashboard.ts';
import { uniqueContext } from '../../src/lib/indicators/links.ts';
import { markInsertions } from '../../src/lib/plan/marks.ts';
import { loadIndicators } from '../../src/lib/indicators/load.ts';
import { planNumbers } from '../../src/lib/indicators/plan-numbers.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';

const { plan } = loadPlan();
const indicators = loadIndicators();
const views = groupViews(plan, indicators).flatMap((g) => g.items);
const end = (value: number, text: string) => ({ value, text, href: '#', ariaLabel: text });

describe('indicator charts', () => {
  it('a target alone is a bar from 0; a baseline and a target are a dumbbell', () => {
    const bar = chartGeometry({ target: end(1.5, '≥ 1.5%'), max: 100, maxLabel: '100%' });
    assert.equal(bar.kind, 'bar');
    assert.equal(bar.bar!.x, bar.axis.x1);
    assert.ok(Math.abs(bar.bar!.width - (bar.axis.x2 - bar.axis.x1) * 0.015) < 0.2);
    const dumbbell = chartGeometry({ target: end(55, '增加到 55 个'), baseline: end(40, '由 40 个'), max: 55 });
    assert.equal(dumbbell.kind, 'dumbbell');
    assert.equal(dumbbell.targetDot!.cx, dumbbell.axis.x2);
    assert.ok(dumbbell.baseDot!.cx < dumbbell.targetDot!.cx);
    assert.throws(() => chartGeometry({ target: end(120, 'x'), max: 100 }), RangeError);
  });

  it('every chart of /targets/: labels inside the chart, none overlapping, the target a link with its comparator', () => {
    assert.equal(views.length, indicators.length);
    for (const { indicator: i, geometry: g, svg, targetText } of views) {
      for (const t of g.texts) {
        assert.ok(t.box.x >= 0 && t.box.x + t.box.width <= g.width, `${i.id}: "${t.text}" leaves the chart horizontally`);
        assert.ok(t.box.y >= 0 && t.box.y + t.box.height <= g.height, `${i.id}: "${t.text}" leaves the chart vertically`);
      }
      for (const [a, t] of g.texts.entries()) for (const u of g.texts.slice(a + 1)) assert.ok(!overlaps(t.box, u.box), `${i.id}: "${t.text}" overlaps "${u.text}"`);
      assert.ok(g.texts.some((t) => t.role === 'target' && t.text === targetText && t.link), `${i.id}: the target "${targetText}" is a link`);
      assert.equal(g.kind, i.baseline ? 'dumbbell' : 'bar', i.id);
      assert.equal(g.width, CHART_WIDTH);
      assert.ok(svg.includes(`>${targetText}</text>`), `${i.id}: the target label is drawn`);
      assert.doesNotMatch(svg, /<style|style=/, 'no inline CSS (CSP)');
    }
  });

  it('shares are drawn on 0–100%, growth rates on one common scale', () => {
    const share = views.find((v) => v.indicator.id === 'rd-share-of-gdp')!;
    assert.ok(share.geometry.texts.some((t) => t.text === '100%'));
    const growth = views.filter((v) => v.indicator.kind === 'growth').map((v) => v.geometry.bar!.width / v.indicator.target.value);
    for (const ratio of growth) assert.ok(Math.abs(ratio - growth[0]!) < 0.1, 'one px-per-% for every growth rate');
  });

  it('each number on a chart links to its sentence with the quote highlighted', () => {
    const v = views.find((x) => x.indicator.id === 'st-personnel')!;
    assert.match(v.svg, /href="\/chapters\/3\/#sec-3-3-p3:~:text=[^"]+"[^>]*aria-label="约 26500 人（2015年目标）。来源：三（三）第3段"/);
    assert.match(v.svg, /href="\/chapters\/1\/#sec-1-3-p1:~:text=[^"]+"[^>]*aria-label="19996 人（2009年）（起点）。来源：一（三）第1段"/);
  });
});

describe('links to the numbers of the plan', () => {
  const numbers = planNumbers(plan);

  it('carry a context unique in the chapter that never crosses an editorial mark', () => {
    for (const n of numbers.filter((x) => plan.blockById.get(x.blockId)!.kind === 'paragraph')) {
      const block = plan.blockById.get(n.blockId)!;
      const { prefix, suffix } = uniqueContext(plan, n.blockId, n.start, n.end);
      const needle = prefix + n.text + suffix;
      const chapterText = plan.blocks.filter((b) => b.chapter === block.chapter && b.kind !== 'figure').map((b) => b.text).join('\n');
      assert.equal(chapterText.split(needle).length - 1, 1, `${n.id}: "${needle}" is not unique in its chapter`);
      const from = n.start - prefix.length;
      const to = n.end + suffix.length;
      assert.ok(!markInsertions(plan, n.blockId).some((m) => m.at > from && m.at < to), `${n.id}: "${needle}" crosses a mark`);
    }
  });

  it('are grouped by chapter in reading order, every number once', () => {
    const chapters = numbersByChapter(plan);
    assert.equal(chapters.reduce((s, c) => s + c.numbers.length, 0), numbers.length);
    assert.deepEqual(chapters.map((c) => c.chapter), [...new Set(numbers.map((n) => n.chapter))]);
    const n = chapters.find((c) => c.chapter === 3)!.numbers.find((x) => x.number.id === 'sec-3-3-p6-n3')!;
    assert.equal(n.before + n.number.text + n.after, n.number.context);
    assert.match(n.ref.href, /^\/chapters\/3\/#sec-3-3-p6:~:text=/);
  });
});
