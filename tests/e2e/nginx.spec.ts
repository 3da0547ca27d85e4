import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { checkNginxConfig, nginxBinary, readmeNginxExample, startNginx, type RunningNginx } from '../../pipeline/nginx.ts';
import { freePortSync } from '../../pipeline/free-port.ts';
import { DEFAULT_CACHE_CONTROL } from '../../pipeline/serve.ts';
import { parseHeadersFile } from '../../pipeline/serve/headers-file.ts';
import { DIST } from './site-files.ts';
import { rawRequest, requestHead } from './raw-http.ts';

// README's nginx example is what deployers copy. nginx must accept it, and it must answer like
// the local server, which applies public/_headers: same headers, same cache rules, same misses.

const nginx = nginxBinary();
test.skip(!nginx, 'nginx is not installed: pipeline/setup.sh installs it (apt-get install nginx, as root)');

const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
const siteHeaders = rules.find((r) => r.pattern === '/*')!.headers;
const assetCache = rules.find((r) => r.pattern === '/_astro/*')!.headers.find(([n]) => n === 'Cache-Control')![1];

test('nginx -t accepts the README example', () => {
  const result = checkNginxConfig(nginx!);
  expect(result.output).toContain('syntax is ok');
  expect(result.ok).toBe(true);
});

test('the README example names every header of public/_headers with the same value', () => {
  const example = readmeNginxExample();
  for (const [name, value] of siteHeaders) expect(example, name).toContain(`add_header ${name} "${value}" always;`);
  expect(example).toContain(`"${assetCache}"`);
  expect(example).toContain(`default    "${DEFAULT_CACHE_CONTROL}"`);
  expect(example).toContain('gzip_static on;');
});

test.describe('nginx with the README example answers like the local server', () => {
  let running: RunningNginx;
  test.beforeAll(async () => { running = await startNginx(nginx!, DIST, freePortSync()); });
  test.afterAll(async () => { await running?.stop(); });

  const css = readdirSync(`${DIST}/_astro`).find((f) => f.endsWith('.css'))!;
  const compared = ['cache-control', 'content-encoding', 'vary', ...siteHeaders.map(([n]) => n.toLowerCase())];
  for (const path of ['/', '/chapters/4/', `/_astro/${css}`, '/chapters/4', '/no/such/page/', '/_astro/no-such-file.js', '/_headers']) {
    test(path, async ({ baseURL }) => {
      const head = requestHead('GET', path, { 'Accept-Encoding': 'gzip' });
      const [ours, theirs] = await Promise.all([rawRequest(baseURL!, head), rawRequest(running.origin, head)]);
      expect(theirs.status).toBe(ours.status);
      if (ours.status === 301) expect(theirs.headers.get('location')).toBe(ours.headers.get('location'));
      else for (const name of compared) expect(theirs.headers.get(name), name).toBe(ours.headers.get(name));
      if (ours.status !== 301) expect(theirs.body.equals(ours.body)).toBe(true);
    });
  }
});
