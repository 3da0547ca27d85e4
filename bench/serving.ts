/**
 * Serving benchmark: requests per second and p99 latency for the whole plan (/plan/, the largest
 * page) and a chapter page at a fixed concurrency. This project's server runs as `npm run preview`
 * runs it (its own process); nginx runs README's example with one worker, when nginx is
 * installed. Both are asked for gzip, so both send the same precompressed .gz file (Debian's
 * nginx has no brotli_static). One run each, alternating; printed, never asserted.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { freePortSync } from '../pipeline/free-port.ts';
import { nginxBinary, startNginx } from '../pipeline/nginx.ts';

const PATHS = ['/plan/', '/chapters/4/'];
const CONNECTIONS = 16;
const DURATION_S = 10;
const WARMUP_S = 2;
const HEADERS = { 'accept-encoding': 'gzip' };

interface Figures { rps: number; p50: number; p99: number; failed: number }

interface Target { name: string; origin: string; stop: () => Promise<void> }

/** dist/, as `npm run preview` serves it. */
async function startOurs(): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/serve.ts'], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BASE_PATH: '/' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const origin = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = out.match(/serving dist\/ at (http:\/\/[^/\s]+)\//);
      if (m) done(m[1]!);
    });
    child.once('exit', () => fail(new Error(`pipeline/serve.ts exited before listening: ${out}`)));
  });
  return { name: 'pipeline/serve.ts', origin, stop: async () => { child.kill(); await exited; } };
}

async function measure(origin: string, path: string): Promise<Figures> {
  const url = `${origin}${path}`;
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, headers: HEADERS });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers: HEADERS });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, failed: r.errors + r.timeouts + r.non2xx };
}

export async function benchServing(): Promise<void> {
  const targets = [await startOurs()];
  const nginx = nginxBinary();
  try {
    if (nginx) targets.push({ name: 'nginx (README example, 1 worker)', ...(await startNginx(nginx, 'dist', freePortSync())) });
    const rows: Record<string, Record<string, number | string>> = {};
    const ratios: Record<string, Record<string, string>> = {};
    for (const path of PATHS) {
      const figures: Figures[] = [];
      for (const target of targets) {
        const f = await measure(target.origin, path);
        figures.push(f);
        rows[`${path} ${target.name}`] = { 'req/s': f.rps, 'p50 ms': f.p50, 'p99 ms': f.p99, failed: f.failed };
      }
      const [ours, theirs] = figures;
      if (ours && theirs) ratios[path] = { 'req/s ours ÷ nginx': (ours.rps / theirs.rps).toFixed(2), 'p99 ours ÷ nginx': (ours.p99 / Math.max(theirs.p99, 1)).toFixed(2) };
    }
    console.table(rows);
    if (Object.keys(ratios).length) console.table(ratios);
    else console.log('nginx is not installed (pipeline/setup.sh installs it): no comparison');
    console.log(`${CONNECTIONS} connections, ${DURATION_S} s per row after ${WARMUP_S} s of warm-up, Accept-Encoding: gzip; client and servers share this machine's cores.`);
  } finally {
    for (const target of targets) await target.stop();
  }
}
