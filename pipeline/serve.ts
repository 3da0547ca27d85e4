/**
 * The static server of `npm start`, `npm run preview`, the e2e tests, the PDF step and the
 * benchmark, so all of them see the site as a static host serves it.
 *
 * Files go out through `send` (the engine of Express's static middleware): ETag and
 * Last-Modified with 304 revalidation, Range and If-Range, and file errors reported rather
 * than thrown. Around it, this project's own layer: GET and HEAD only, request targets checked
 * before any lookup (pipeline/serve/request-target.ts), the base path, only files of the
 * current release (so nothing outside it can be named), the precompressed variant the client
 * accepts, the headers of the release's `_headers`, and the 404 page with status 404.
 *
 *   PORT=4321 HOST=127.0.0.1 BASE_PATH=/ npx tsx pipeline/serve.ts
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { contentType } from 'mime-types';
import send from 'send';
import { SetupError } from '../src/lib/errors.ts';
import { runCli } from './cli.ts';
import { ENCODINGS, type Encoding } from './compress.ts';
import { chooseEncoding } from './serve/encoding.ts';
import { currentRelease, type Release } from './serve/release.ts';
import { parseRequestTarget } from './serve/request-target.ts';
import { DEFAULT_HOST, DEFAULT_PORT, serveSettings } from './serve/settings.ts';

/** Pages and every file without a rule of its own in `_headers` revalidate with their ETag. */
export const DEFAULT_CACHE_CONTROL = 'no-cache';
const ALLOWED_METHODS = 'GET, HEAD';
const ENCODING_NAMES = Object.keys(ENCODINGS) as Encoding[];

export interface ServeOptions { root?: string; port?: number; host?: string; base?: string }

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
}

function applyHeaders(res: ServerResponse, release: Release, sitePath: string): void {
  res.setHeader('Cache-Control', DEFAULT_CACHE_CONTROL);
  for (const [name, value] of release.headersFor(sitePath)) res.setHeader(name, value);
}

function sendNotFound(req: IncomingMessage, res: ServerResponse, release: Release, sitePath: string): void {
  applyHeaders(res, release, sitePath);
  // Whatever the path's rule says (a year for /_astro/*), a miss must not be cached as final.
  res.setHeader('Cache-Control', DEFAULT_CACHE_CONTROL);
  const page = release.notFound;
  if (!page?.identity) { plain(res, 404, 'Not found'); return; }
  const variants = ENCODING_NAMES.filter((e) => page[e]);
  const encoding = chooseEncoding(req.headers['accept-encoding'], variants);
  const body = (encoding && page[encoding]) || page.identity;
  if (encoding) res.setHeader('Content-Encoding', encoding);
  if (variants.length) res.setHeader('Vary', 'Accept-Encoding');
  res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

function sendFile(req: IncomingMessage, res: ServerResponse, release: Release, sitePath: string, file: string): void {
  applyHeaders(res, release, sitePath);
  const variants = ENCODING_NAMES.filter((e) => release.files.has(file + ENCODINGS[e]));
  const encoding = chooseEncoding(req.headers['accept-encoding'], variants);
  if (variants.length) res.setHeader('Vary', 'Accept-Encoding');
  if (encoding) {
    res.setHeader('Content-Encoding', encoding);
    // send would name the type after ".br"/".gz"; the body is still the original file's type.
    res.setHeader('Content-Type', contentType(extname(file)) || 'application/octet-stream');
  }
  const served = encoding ? file + ENCODINGS[encoding] : file;
  // send decodes the path it is given; every name in the release is encoded back first.
  const encoded = served.split('/').map(encodeURIComponent).join('/');
  send(req, encoded, { root: release.root, index: false, dotfiles: 'allow', etag: true, lastModified: true, cacheControl: false })
    .on('error', (error: { status?: number; headers?: Record<string, string> }) => {
      if (res.headersSent) { res.destroy(); return; }
      res.removeHeader('Content-Encoding');
      // The file vanished between listing and reading (the release was removed by hand).
      if (error.status === 404) { sendNotFound(req, res, release, sitePath); return; }
      res.writeHead(error.status ?? 500, error.headers ?? {}).end();
    })
    .pipe(res);
}

function handle(req: IncomingMessage, res: ServerResponse, release: () => Release | undefined, base: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') { plain(res, 405, 'Method not allowed', { Allow: ALLOWED_METHODS }); return; }
  const target = parseRequestTarget(req.url ?? '', base);
  if (target.kind === 'refused') { plain(res, target.status, `Bad request: ${target.reason}`); return; }
  if (target.kind === 'base') { res.writeHead(301, { Location: target.location }).end(); return; }
  const site = release();
  if (!site) { plain(res, 503, 'No site has been published yet: run npm run build.', { 'Retry-After': '10' }); return; }
  if (target.kind === 'outside') { sendNotFound(req, res, site, '/404.html'); return; }
  const { sitePath, rawPath, rawQuery } = target;
  const file = sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath;
  if (site.files.has(file)) { sendFile(req, res, site, sitePath, file); return; }
  // A folder asked for without its slash: the same path plus "/", never anything built from Host.
  if (!sitePath.endsWith('/') && site.files.has(`${sitePath}/index.html`)) {
    res.writeHead(301, { Location: `${rawPath}/${rawQuery}` }).end();
    return;
  }
  sendNotFound(req, res, site, sitePath);
}

/** Starts serving `root` (dist/, a link to the current release) and resolves once listening. */
export function serve({ root = 'dist', port = DEFAULT_PORT, host = DEFAULT_HOST, base = '/' }: ServeOptions = {}): Promise<Server> {
  const release = currentRelease(root);
  const server = createServer((req, res) => {
    try {
      handle(req, res, release, base);
    } catch (error) {
      // A bug or a disk error answers this one request with 500; the server keeps serving.
      console.error(error);
      if (res.headersSent) res.destroy();
      else plain(res, 500, 'Internal server error');
    }
  });
  // CONNECT never reaches the request handler; without this Node would drop the connection unanswered.
  server.on('connect', (_req, socket) => {
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED_METHODS}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' || error.code === 'EADDRNOTAVAIL'
        ? new SetupError(`cannot listen on ${host}:${port} (${error.code}): set PORT (and HOST) to a free address`)
        : error);
    });
    server.listen(port, host, () => resolve(server));
  });
}

/** The address a running server answers on, for messages and tests. */
export function serverOrigin(server: Server): string {
  const { address, port, family } = server.address() as AddressInfo;
  return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}`;
}

runCli(import.meta.url, async () => {
  const { host, port, base } = serveSettings();
  const server = await serve({ root: 'dist', port, host, base });
  console.log(`serving dist/ at ${serverOrigin(server)}${base}`);
  if (!existsSync('dist')) console.log('dist/ does not exist yet: requests get 503 until npm run build publishes a site');
});
