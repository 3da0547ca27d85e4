import { test } from 'node:test';
import assert from 'node:assert/strict';
import { site } from '../../src/config/site.ts';
import { cssString, runningHeadsCss } from '../../src/lib/print/running-heads.ts';

const title = site.title;

test('running heads: one named page per chapter, strings escaped', () => {
  assert.equal(cssString('a"b\\c'), '"a\\"b\\\\c"');
  const css = runningHeadsCss(title, [{ chapter: 4, heading: '四、主要任务' }]);
  assert.match(css, /@page chapter-4 \{ @top-center \{ content: "青海省科学技术发展“十二五”规划　四、主要任务"; \} \}/);
  assert.match(css, /\.plan-text\[data-chapter="4"\], \.plan-chapter\[data-chapter="4"\] \{ page: chapter-4; \}/);
  assert.ok(css.startsWith('@media print {'));
});
