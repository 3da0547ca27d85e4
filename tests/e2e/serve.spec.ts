import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve, serverOrigin } from '../../pipeline/serve.ts';
import { DIST } from './site-files.ts';
import { rawRequest, requestHead, type RawResponse } from './raw-http.ts';

// The server `npm start`, `npm run preview` and this suite use, sent the requests that broke the
// hand-written one before it. Each must get a 4xx (never a file from outside dist/, never a
// redirect to another host), and the server must still serve the site afterwards.

/** A sibling of dist/ whose name starts with "dist": what a prefix check without "/" leaks. */
const SECRET_NAME = `dist-secret-${process.pid}.txt`;
const SECRET = 'this file is outside the site';
test.beforeAll(() => writeFileSync(SECRET_NAME, SECRET));
test.afterAll(() => rmSync(SECRET_NAME, { force: true }));

async function expectStillServing(origin: string): Promise<void> {
  const home = await rawRequest(origin, requestHead('GET', '/'));
  expect(home.status).toBe(200);
  expect(home.body.toString()).toContain('<html');
}

function expectNoForeignRedirect(origin: string, response: RawResponse): void {
  const location = response.headers.get('location');
  if (location !== undefined) expect(new URL(location, origin).origin).toBe(origin);
}

const cases: { name: string; head: Buffer; status: number }[] = [
  // Traversal: encoded slashes, dot segments, sibling prefixes.
  { name: 'encoded slash to a sibling of dist/', head: requestHead('GET', `/..%2f${SECRET_NAME}`), status: 400 },
  { name: 'dot-dot segment', head: requestHead('GET', `/../${SECRET_NAME}`), status: 400 },
  { name: 'encoded dots', head: requestHead('GET', `/%2e%2e/${SECRET_NAME}`), status: 400 },
  { name: 'encoded dots and slash', head: requestHead('GET', `/%2E%2E%2F${SECRET_NAME}`), status: 400 },
  { name: 'dot-dot inside a path', head: requestHead('GET', `/chapters/../../${SECRET_NAME}`), status: 400 },
  { name: 'backslash', head: requestHead('GET', `/..\\${SECRET_NAME}`), status: 400 },
  { name: 'encoded backslash', head: requestHead('GET', `/..%5c${SECRET_NAME}`), status: 400 },
  { name: 'double-encoded dots (only an odd file name)', head: requestHead('GET', `/%252e%252e%252f${SECRET_NAME}`), status: 404 },
  { name: 'the package file beside dist/', head: requestHead('GET', '/../package.json'), status: 400 },
  { name: 'the _headers file', head: requestHead('GET', '/_headers'), status: 404 },
  // Redirects that would leave the origin.
  { name: '//host with encoded dot segments', head: requestHead('GET', '//evil.example%2f..%2fchapters'), status: 400 },
  { name: '//host', head: requestHead('GET', '//evil.example/'), status: 400 },
  { name: 'encoded slash then host', head: requestHead('GET', '/%2fevil.example/'), status: 400 },
  { name: 'backslash then host', head: requestHead('GET', '/\\evil.example/'), status: 400 },
  { name: 'absolute-form target', head: requestHead('GET', 'http://evil.example/chapters'), status: 400 },
  // Bytes that would break a header or a log line.
  { name: 'Chinese, encoded slash, dot segments', head: requestHead('GET', '/%E4%B8%AD%2f..%2fchapters'), status: 400 },
  { name: 'encoded CR LF', head: requestHead('GET', '/chapters%0d%0aSet-Cookie:%20pwned=1'), status: 400 },
  { name: 'encoded DEL', head: requestHead('GET', '/chapters%7f'), status: 400 },
  { name: 'encoded NUL', head: requestHead('GET', '/chapters%00'), status: 400 },
  { name: 'invalid UTF-8', head: requestHead('GET', '/%ff'), status: 400 },
  { name: 'malformed percent-encoding', head: requestHead('GET', '/%zz'), status: 400 },
  { name: 'raw DEL byte', head: requestHead('GET', '/chapters\x7f'), status: 400 },
  { name: 'raw UTF-8 bytes', head: Buffer.concat([Buffer.from('GET /'), Buffer.from('中', 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')]), status: 400 },
  { name: 'raw NUL byte', head: requestHead('GET', '/\x00'), status: 400 },
  { name: 'not HTTP at all', head: Buffer.from('GARBAGE\r\n\r\n'), status: 400 },
  // Overlong targets: ours (414), and past Node's header limit (431).
  { name: 'a 5,000-character path', head: requestHead('GET', `/${'a'.repeat(5000)}`), status: 414 },
  { name: 'a 2,000-character encoded Chinese path', head: requestHead('GET', `/${'%E4%B8%AD'.repeat(700)}`), status: 414 },
  { name: 'a 20,000-character path', head: requestHead('GET', `/${'a'.repeat(20_000)}`), status: 431 },
  // Ranges the old library died on or got wrong.
  { name: 'a reversed range', head: requestHead('GET', '/favicon.svg', { Range: 'bytes=5-2' }), status: 416 },
  { name: 'a range past the end', head: requestHead('GET', '/favicon.svg', { Range: 'bytes=999999999-' }), status: 416 },
];

test.describe('bad requests get a 4xx and the server keeps serving', () => {
  for (const { name, head, status } of cases) {
    test(name, async ({ baseURL }) => {
      const response = await rawRequest(baseURL!, head);
      expect(response.status).toBe(status);
      expect(response.body.toString()).not.toContain(SECRET);
      expect(response.headers.has('set-cookie')).toBe(false);
      expectNoForeignRedirect(baseURL!, response);
      await expectStillServing(baseURL!);
    });
  }

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
    test(`${method} is not allowed`, async ({ baseURL }) => {
      const response = await rawRequest(baseURL!, requestHead(method, '/chapters/4/', { 'Content-Length': '0' }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
      expect(response.body.toString()).not.toContain('<html');
      await expectStillServing(baseURL!);
    });
  }

  test('CONNECT is not allowed', async ({ baseURL }) => {
    const response = await rawRequest(baseURL!, requestHead('CONNECT', 'evil.example:443'));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    await expectStillServing(baseURL!);
  });
});

test.describe('redirects stay on the origin', () => {
  test('a folder without its slash goes to the same path plus "/", whatever Host says', async ({ baseURL }) => {
    const response = await rawRequest(baseURL!, requestHead('GET', '/chapters/4?from=//evil.example/', {}, 'evil.example'));
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/chapters/4/?from=//evil.example/');
    expectNoForeignRedirect(baseURL!, response);
  });
});

test.describe('methods, caching and misses', () => {
  const page = '/chapters/4/';

  test('HEAD answers with the headers of GET and no body', async ({ baseURL }) => {
    const get = await rawRequest(baseURL!, requestHead('GET', page));
    const head = await rawRequest(baseURL!, requestHead('HEAD', page));
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-type', 'content-length', 'etag', 'cache-control', 'content-security-policy']) expect(head.headers.get(name), name).toBe(get.headers.get(name));
  });

  test('pages revalidate with their ETag: 304 and no body when unchanged', async ({ baseURL }) => {
    const first = await rawRequest(baseURL!, requestHead('GET', page, { 'Accept-Encoding': 'br' }));
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await rawRequest(baseURL!, requestHead('GET', page, { 'Accept-Encoding': 'br', 'If-None-Match': etag }));
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('no-cache');
  });

  test('content-hashed assets are cached for a year, immutable', async ({ baseURL }) => {
    const css = readdirSync(`${DIST}/_astro`).find((f) => f.endsWith('.css'))!;
    const response = await rawRequest(baseURL!, requestHead('GET', `/_astro/${css}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  test('a miss gets the 404 page with status 404, the site headers, and is not cached as final', async ({ baseURL }) => {
    const policy = readFileSync(`${DIST}/_headers`, 'utf8').match(/Content-Security-Policy: (.+)/)![1];
    for (const path of ['/no/such/page/', '/_astro/no-such-file.js']) {
      const response = await rawRequest(baseURL!, requestHead('GET', path));
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(policy);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.body.toString()).toContain('页面不存在');
    }
  });
});

test.describe('BASE_PATH', () => {
  let server: Server;
  let origin: string;
  test.beforeAll(async () => {
    server = await serve({ root: DIST, port: 0, base: '/kjgh/' });
    origin = serverOrigin(server);
  });
  test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test('the site answers under the base path, and only there', async () => {
    expect((await rawRequest(origin, requestHead('GET', '/kjgh/'))).status).toBe(200);
    expect((await rawRequest(origin, requestHead('GET', '/kjgh/chapters/4/'))).status).toBe(200);
    const bare = await rawRequest(origin, requestHead('GET', '/kjgh'));
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/kjgh/');
    expect((await rawRequest(origin, requestHead('GET', '/chapters/4/'))).status).toBe(404);
    expect((await rawRequest(origin, requestHead('GET', '/kjghx/'))).status).toBe(404);
  });
});
