import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editionDate } from '../../src/config/edition.ts';

test('the edition date is the last change of content/ in git, in UTC, and the same on every call', () => {
  const date = editionDate({});
  assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(editionDate({}), date);
});

test('a deployer may state the edition date; a malformed one is refused', () => {
  assert.equal(editionDate({ EDITION_DATE: '2026-12-01' }), '2026-12-01');
  assert.throws(() => editionDate({ EDITION_DATE: '2026/12/01' }), /EDITION_DATE must be a date written YYYY-MM-DD/);
});

test('without git history and without EDITION_DATE, the build says how to state it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edition-'));
  try {
    assert.throws(() => editionDate({}, dir), /set EDITION_DATE=YYYY-MM-DD/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
