/**
 * A small static server for dist/ with the behaviour of a typical static host: directory
 * index.html, 404.html for misses, gzip when asked, and the headers from public/_headers.
 * Used by `npm start`, the e2e tests and the benchmark, so all three see the same site.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli } from './cli.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.pdf': 'application/pdf', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt)$/;

/** Parses the Netlify/Cloudflare `_headers` format: a path pattern line, then indented headers. */
export function parseHeadersFile(text: string): { pattern: string; headers: [string, string][] }[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) { rules.push({ pattern: line.trim(), headers: [] }); continue; }
    const at = line.indexOf(':');
    rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return rules;
}

function matches(pattern: string, path: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(path);
}

export interface ServeOptions { root?: string; port?: number; gzip?: boolean; headers?: boolean }

export function serve({ root = 'dist', port = 4321, gzip = true, headers = true }: ServeOptions = {}): Promise<Server> {
  const headersFile = join(root, '_headers');
  const rules = headers && existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const server = createServer((req, res) => {
    // A malformed request line ("//", bad percent-encoding) must get a 400, not crash the server.
    let url: URL;
    let path: string;
    try {
      url = new URL(`http://localhost${req.url?.startsWith('/') ? req.url : '/'}`);
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) { res.writeHead(301, { Location: `${path}/${url.search}` }).end(); return; }
      file = join(file, 'index.html');
    }
    let status = 200;
    if (!existsSync(file)) { status = 404; file = join(root, '404.html'); path = '/404.html'; }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const head: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    for (const rule of rules) if (matches(rule.pattern, path)) for (const [k, v] of rule.headers) head[k] = v;
    if (gzip && COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipSync(readFileSync(file), { level: 9 });
      res.writeHead(status, { ...head, 'Content-Encoding': 'gzip', 'Content-Length': body.length, Vary: 'Accept-Encoding' }).end(body);
      return;
    }
    res.writeHead(status, { ...head, 'Content-Length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

runCli(import.meta.url, async () => {
  const port = Number(process.env.PORT ?? 4321);
  await serve({ port });
  console.log(`serving dist/ at http://127.0.0.1:${port}${process.env.BASE_PATH ?? '/'}`);
});
