import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonRuns, sharedTerm, specificPieces } from '../../src/lib/figures/wording.ts';

const vocabulary = ['风电产业', '适宜地区风电技术', '电网安全', '接入电力系统关键技术', '光伏产业', '光伏发电系统', '并网光伏发电系统应用技术', '绿色光伏建筑发电系统', '荒漠光伏并网电站', '硅材料生产工艺技术'];

test('common runs are maximal: no run is part of a longer one', () => {
  assert.deepEqual(commonRuns('光伏发电系统', '并网光伏发电系统应用技术'), ['光伏发电系统']);
  assert.deepEqual(commonRuns('电网安全', '接入电力系统关键技术'), []);
});

test('generic words and particles are not terms', () => {
  assert.deepEqual(specificPieces('光伏发电系统'), ['光伏发电']);
  assert.deepEqual(specificPieces('等资源综合利用'), []);
  assert.deepEqual(specificPieces('水／光互补'), ['光互补']);
});

test('shared wording: a specific term both labels contain and few others use', () => {
  assert.equal(sharedTerm('风电产业', '适宜地区风电技术', vocabulary), '风电');
  assert.equal(sharedTerm('电网安全', '接入电力系统关键技术', vocabulary), undefined, 'nothing specific in common');
  // 光伏 is in half of these labels: it cannot tell which two belong together.
  assert.equal(sharedTerm('光伏产业', '荒漠光伏并网电站', vocabulary), undefined);
  assert.equal(sharedTerm('光伏发电系统', '并网光伏发电系统应用技术', vocabulary), '光伏发电');
});
