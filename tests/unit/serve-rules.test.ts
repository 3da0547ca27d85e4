import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chooseEncoding } from '../../pipeline/serve/encoding.ts';
import { headerMatcher, parseHeadersFile } from '../../pipeline/serve/headers-file.ts';
import { MAX_TARGET_LENGTH, parseRequestTarget } from '../../pipeline/serve/request-target.ts';
import { normalizeBase } from '../../src/config/deploy.ts';
import { parsePort, serveSettings } from '../../pipeline/serve/settings.ts';

// The rules of the local server's own layer, one function at a time. The same requests are sent
// to the running server by tests/e2e/serve.spec.ts.

const refused = (target: string, base = '/') => {
  const result = parseRequestTarget(target, base);
  return result.kind === 'refused' ? result.status : undefined;
};

test('clean targets name a path on the site, with the query kept apart', () => {
  assert.deepEqual(parseRequestTarget('/chapters/4/', '/'), { kind: 'site', sitePath: '/chapters/4/', rawPath: '/chapters/4/', rawQuery: '' });
  assert.deepEqual(parseRequestTarget('/search/?q=%E7%9B%90%E6%B9%96', '/'), { kind: 'site', sitePath: '/search/', rawPath: '/search/', rawQuery: '?q=%E7%9B%90%E6%B9%96' });
  assert.deepEqual(parseRequestTarget('/%E4%B8%AD', '/'), { kind: 'site', sitePath: '/中', rawPath: '/%E4%B8%AD', rawQuery: '' });
});

test('traversal in any spelling is refused before a lookup', () => {
  for (const target of ['/../package.json', '/..%2fdist-secret.txt', '/%2e%2e/package.json', '/%2E%2E%2Fpackage.json', '/chapters/../../package.json', '/..\\package.json', '/..%5cpackage.json', '/chapters/./4/']) {
    assert.equal(refused(target), 400, target);
  }
});

test('targets that would make a redirect leave the origin are refused', () => {
  for (const target of ['//evil.example%2f..%2fchapters', '//evil.example/', '/%2fevil.example', '/\\evil.example', '/chapters//4/']) {
    assert.equal(refused(target), 400, target);
  }
  assert.equal(refused('http://evil.example/'), 400, 'absolute-form is for proxies');
  assert.equal(refused('*'), 400);
});

test('bytes that could break a header or a log line are refused', () => {
  for (const target of ['/%E4%B8%AD%2f..%2fchapters', '/chapters%0d%0aSet-Cookie:%20a=1', '/%7f', '/%00', '/%ff', '/%E4%B8', '/%zz', '/a b', '/中', '/\x7f', '/?q=\r\n']) {
    assert.equal(refused(target), 400, JSON.stringify(target));
  }
});

test('overlong targets get 414', () => {
  assert.equal(refused(`/${'a'.repeat(MAX_TARGET_LENGTH)}`), 414);
  assert.equal(parseRequestTarget(`/${'a'.repeat(MAX_TARGET_LENGTH - 1)}`, '/').kind, 'site');
});

test('under a base path, the base without its slash redirects there and other paths are outside', () => {
  assert.deepEqual(parseRequestTarget('/kjgh/plan/', '/kjgh/'), { kind: 'site', sitePath: '/plan/', rawPath: '/kjgh/plan/', rawQuery: '' });
  assert.deepEqual(parseRequestTarget('/kjgh/', '/kjgh/'), { kind: 'site', sitePath: '/', rawPath: '/kjgh/', rawQuery: '' });
  assert.deepEqual(parseRequestTarget('/kjgh?x=1', '/kjgh/'), { kind: 'base', location: '/kjgh/?x=1' });
  assert.deepEqual(parseRequestTarget('/plan/', '/kjgh/'), { kind: 'outside' });
  assert.deepEqual(parseRequestTarget('/kjghx/', '/kjgh/'), { kind: 'outside' });
});

test('Accept-Encoding: highest q wins, q=0 refuses, * covers the rest, brotli first on a tie', () => {
  const both = ['br', 'gzip'] as const;
  assert.equal(chooseEncoding('gzip, deflate, br', both), 'br');
  assert.equal(chooseEncoding('gzip', both), 'gzip');
  assert.equal(chooseEncoding('br;q=0.5, gzip;q=0.8', both), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0', both), undefined);
  assert.equal(chooseEncoding('*', both), 'br');
  assert.equal(chooseEncoding('*;q=0.1, br;q=0', both), 'gzip');
  assert.equal(chooseEncoding('identity', both), undefined);
  assert.equal(chooseEncoding(undefined, both), undefined);
  assert.equal(chooseEncoding('br, gzip', ['gzip']), 'gzip');
  assert.equal(chooseEncoding('br, gzip', []), undefined);
});

test('_headers: every matching rule applies, and a later rule replaces a header rather than joining it', () => {
  const headersFor = headerMatcher(parseHeadersFile('# comment\n/*\n  X-A: 1\n  Cache-Control: no-cache\n/_astro/*\n  cache-control: immutable\n'));
  assert.deepEqual(headersFor('/plan/'), [['X-A', '1'], ['Cache-Control', 'no-cache']]);
  assert.deepEqual(headersFor('/_astro/a.css'), [['X-A', '1'], ['cache-control', 'immutable']]);
});

test('public/_headers: security headers everywhere, a year for hashed assets only', () => {
  const headersFor = headerMatcher(parseHeadersFile(readFileSync('public/_headers', 'utf8')));
  const page = new Map(headersFor('/chapters/4/'));
  assert.match(page.get('Content-Security-Policy') ?? '', /default-src 'self'/);
  assert.equal(page.get('Strict-Transport-Security'), 'max-age=31536000');
  assert.equal(page.get('Cache-Control'), undefined, 'pages fall back to the server default (no-cache)');
  assert.equal(new Map(headersFor('/_astro/BaseLayout.abc123.css')).get('Cache-Control'), 'public, max-age=31536000, immutable');
});

test('PORT, HOST and BASE_PATH: defaults, normal forms, and a clear error for nonsense', () => {
  assert.deepEqual(serveSettings({}), { host: '127.0.0.1', port: 4321, base: '/' });
  assert.deepEqual(serveSettings({ PORT: '8080', HOST: '0.0.0.0', BASE_PATH: '/kjgh/' }), { host: '0.0.0.0', port: 8080, base: '/kjgh/' });
  assert.equal(parsePort('0'), 0);
  for (const base of ['kjgh', '/kjgh', 'kjgh/', '/kjgh/']) assert.equal(normalizeBase(base), '/kjgh/');
  assert.equal(normalizeBase('/a/b'), '/a/b/');
  assert.equal(normalizeBase(''), '/');
  assert.throws(() => parsePort('80a'), /PORT must be a port number from 0 to 65535 \(0: any free port\), got "80a"/);
  assert.throws(() => parsePort('70000'), /PORT must be a port number/);
  assert.throws(() => normalizeBase('/../etc/'), /BASE_PATH must be a path such as \/kjgh\//);
  assert.throws(() => normalizeBase('https://evil.example/'), /BASE_PATH must be a path/);
});
