import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { COMPRESSIBLE, ENCODINGS } from '../../pipeline/compress.ts';
import { CORPUS_INDEX } from '../../src/lib/search/corpus.ts';
import { DIST } from './site-files.ts';
import { rawRequest, requestHead } from './raw-http.ts';

// Text is compressed once, at build time (pipeline/compress.ts), and served as it is.

const textFiles = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && COMPRESSIBLE.test(e.name))
  .map((e) => join(e.parentPath, e.name));

test('every HTML, CSS, JS, JSON and SVG file has a brotli and a gzip file that decompress to it', () => {
  for (const ext of ['html', 'css', 'js', 'json', 'svg']) expect(textFiles.some((f) => f.endsWith(`.${ext}`)), `a .${ext} file is built`).toBe(true);
  for (const file of textFiles) {
    const source = readFileSync(file);
    expect(brotliDecompressSync(readFileSync(file + ENCODINGS.br)).equals(source), `${file}${ENCODINGS.br}`).toBe(true);
    expect(gunzipSync(readFileSync(file + ENCODINGS.gzip)).equals(source), `${file}${ENCODINGS.gzip}`).toBe(true);
  }
});

test.describe('the variant the client accepts is sent as it is', () => {
  const page = '/chapters/4/';
  const file = `${DIST}/chapters/4/index.html`;

  test('brotli when accepted, with the page type and Vary', async ({ baseURL }) => {
    const response = await rawRequest(baseURL!, requestHead('GET', page, { 'Accept-Encoding': 'gzip, deflate, br' }));
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.body.equals(readFileSync(file + ENCODINGS.br))).toBe(true);
  });

  test('gzip when only gzip is accepted', async ({ baseURL }) => {
    const response = await rawRequest(baseURL!, requestHead('GET', page, { 'Accept-Encoding': 'gzip' }));
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.body.equals(readFileSync(file + ENCODINGS.gzip))).toBe(true);
  });

  test('the file itself when nothing (or q=0) is accepted', async ({ baseURL }) => {
    for (const accept of [undefined, 'br;q=0, gzip;q=0', 'identity']) {
      const response = await rawRequest(baseURL!, requestHead('GET', page, accept ? { 'Accept-Encoding': accept } : {}));
      expect(response.headers.has('content-encoding'), String(accept)).toBe(false);
      expect(response.body.equals(readFileSync(file)), String(accept)).toBe(true);
    }
  });

  test('scripts and the search data keep their own types', async ({ baseURL }) => {
    const js = readdirSync(`${DIST}/_astro`).find((f) => f.endsWith('.js'))!;
    const script = await rawRequest(baseURL!, requestHead('GET', `/_astro/${js}`, { 'Accept-Encoding': 'br' }));
    expect(script.headers.get('content-encoding')).toBe('br');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const json = await rawRequest(baseURL!, requestHead('GET', `/${CORPUS_INDEX}`, { 'Accept-Encoding': 'gzip' }));
    expect(json.headers.get('content-encoding')).toBe('gzip');
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});
