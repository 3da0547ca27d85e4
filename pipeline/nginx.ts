/**
 * README's nginx example, made runnable, so what deployers copy is what the tests check
 * (`nginx -t`, the same headers as pipeline/serve.ts) and what the benchmark compares against.
 * The example is used as written; only its `root` and `listen` lines are pointed at this
 * checkout's dist/ and a local port, inside an http {} block like Debian's nginx.conf.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const README_ROOT = 'root /srv/qinghai-plan/dist;';
const README_LISTEN = 'listen 80;';

/** The nginx binary on PATH (Debian: /usr/sbin/nginx), or undefined when nginx is not installed. */
export function nginxBinary(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/sbin')) {
    const candidate = join(dir, 'nginx');
    if (spawnSync(candidate, ['-v']).status === 0) return candidate;
  }
  return undefined;
}

/** The first ```nginx block of README.md: the site's configuration for nginx's conf.d/. */
export function readmeNginxExample(readme = readFileSync('README.md', 'utf8')): string {
  const block = readme.match(/```nginx\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('README.md has no ```nginx example');
  return block;
}

/** A whole nginx.conf around the README example, serving `dist` on 127.0.0.1:`port`. */
export function nginxConf(dist: string, port: number, dir: string, example = readmeNginxExample()): string {
  for (const line of [README_ROOT, README_LISTEN]) {
    if (!example.includes(line)) throw new Error(`README's nginx example no longer contains "${line}", which the tests replace`);
  }
  const site = example.replace(README_ROOT, `root ${resolve(dist)};`).replace(README_LISTEN, `listen 127.0.0.1:${port};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`).join('\n');
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
${temp}
${site}
}
`;
}

function writeConf(nginx: string, dist: string, port: number): { dir: string; file: string; args: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, nginxConf(dist, port, dir));
  return { dir, file, args: ['-p', dir, '-e', join(dir, 'error.log'), '-c', file] };
}

/** `nginx -t` on the README example: whether nginx accepts it, and what it said. */
export function checkNginxConfig(nginx: string, dist = 'dist', port = 8080): { ok: boolean; output: string } {
  const { dir, args } = writeConf(nginx, dist, port);
  try {
    const result = spawnSync(nginx, ['-t', ...args], { encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function accepting(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); done(true); });
    socket.once('error', () => done(false));
  });
}

export interface RunningNginx { origin: string; stop: () => Promise<void> }

/** Starts nginx in the foreground on the README example; resolves once it accepts connections. */
export async function startNginx(nginx: string, dist: string, port: number): Promise<RunningNginx> {
  const { dir, args } = writeConf(nginx, dist, port);
  const child = spawn(nginx, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) { child.kill('SIGQUIT'); await exited; }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await accepting(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start on port ${port}: ${stderr.trim() || 'no output'}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { origin: `http://127.0.0.1:${port}`, stop };
}
