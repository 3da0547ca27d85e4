import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printedLink, type LinkContext } from '../../src/lib/pdf/links.ts';

const server = 'http://127.0.0.1:40123';
const at = (path: string) => new URL(path, server);
const chapter4: LinkContext = { pagePath: 'chapters/4/', ids: new Set(['sec-4-3', 'note-3']), base: '/', publicOrigin: undefined };

test('a place in the printed page stays in the PDF', () => {
  assert.deepEqual(printedLink(at('/chapters/4/#sec-4-3'), server, chapter4), { kind: 'internal', href: '#sec-4-3' });
  assert.deepEqual(printedLink(at('/chapters/4/#note-3'), server, chapter4), { kind: 'internal', href: '#note-3' });
});

test('plan.pdf keeps every chapter\'s and the preamble\'s ids inside itself', () => {
  const whole: LinkContext = { ...chapter4, pagePath: 'plan/', ids: new Set(['sec-5-1', 'preamble-p1']) };
  assert.deepEqual(printedLink(at('/chapters/5/#sec-5-1'), server, whole), { kind: 'internal', href: '#sec-5-1' });
  assert.deepEqual(printedLink(at('/#preamble-p1'), server, whole), { kind: 'internal', href: '#preamble-p1' });
  // An id of another kind of page is not the plan's, even when the names agree.
  assert.deepEqual(printedLink(at('/figures/2/#sec-5-1'), server, whole), { kind: 'text' });
});

test('elsewhere: the public page with SITE_URL, under the base path; plain text without it', () => {
  assert.deepEqual(printedLink(at('/chapters/5/#sec-5-1'), server, chapter4), { kind: 'text' }, 'no public address: no link');
  assert.deepEqual(printedLink(at('/errata/'), server, chapter4), { kind: 'text' });
  const deployed: LinkContext = { ...chapter4, base: '/kjgh/', publicOrigin: 'https://plan.example.gov.cn' };
  assert.deepEqual(printedLink(at('/kjgh/chapters/5/#sec-5-1'), server, deployed), { kind: 'public', href: 'https://plan.example.gov.cn/kjgh/chapters/5/#sec-5-1' });
  assert.deepEqual(printedLink(at('/kjgh/chapters/4/#sec-4-3'), server, { ...deployed, pagePath: 'chapters/4/' }), { kind: 'internal', href: '#sec-4-3' });
  assert.deepEqual(printedLink(at('/elsewhere/'), server, deployed), { kind: 'text' }, 'outside the base path: not the site');
});

test('an address on another host is reported as external, never rewritten', () => {
  assert.deepEqual(printedLink(new URL('https://www.gov.cn/'), server, chapter4), { kind: 'external', href: 'https://www.gov.cn/' });
});
