import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compressSite } from '../../pipeline/compress.ts';
import { newReleaseDir, publish } from '../../pipeline/publish.ts';
import { tempDir } from './temp.ts';

// Atomic publishing (pipeline/publish.ts) and the local server across a publish: what a full
// build does at its end, against the server `npm start` runs, in a folder of its own.

const repo = resolve('.');

/** The page a release serves, so a response can be traced to exactly one release. */
const page = (name: string) => `<!doctype html><title>${name}</title><p>release ${name}</p>\n`;
/** Big enough that responses are still streaming while dist/ is switched. */
const big = (name: string) => `<!doctype html><title>${name}</title>\n${`<p>release ${name}: 青海省科学技术发展</p>\n`.repeat(4_000)}`;

/** Pages enough that removing a release takes a while, as removing a real dist/ does. */
const PAGES = 300;

function writeRelease(dir: string, name: string): void {
  mkdirSync(join(dir, '_astro'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), page(name));
  writeFileSync(join(dir, 'big.html'), big(name));
  writeFileSync(join(dir, '404.html'), `<!doctype html><title>404</title><p>not found in ${name}</p>\n`);
  writeFileSync(join(dir, '_astro', `app.${name}.js`), `console.log(${JSON.stringify(name)});\n`);
  writeFileSync(join(dir, '_headers'), `/*\n  X-Release: ${name}\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n`);
}

async function release(project: string, name: string): Promise<string> {
  const dir = newReleaseDir(join(project, '.build/releases'));
  writeRelease(dir, name);
  await compressSite(dir);
  // Written after compressing, which would take long for so many: these are sent uncompressed.
  for (let i = 0; i < PAGES; i++) {
    mkdirSync(join(dir, 'pages', String(i)), { recursive: true });
    writeFileSync(join(dir, 'pages', String(i), 'index.html'), page(name));
  }
  return dir;
}

/** Publishes from another process, as a build does, while this one keeps requesting. */
async function publishElsewhere(release: string, dist: string): Promise<void> {
  const script = `const { publish } = await import(${JSON.stringify(pathToFileURL(join(repo, 'pipeline/publish.ts')).href)}); publish(${JSON.stringify(release)}, ${JSON.stringify(dist)});`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  assert.equal(code, 0, 'publishing failed');
}

interface RunningServer { origin: string; child: ChildProcess; exits: string[]; stderr: () => string }

/** The real `npm run preview` entry point, serving <project>/dist on a free port. */
async function startServer(t: TestContext, project: string): Promise<RunningServer> {
  symlinkSync(join(repo, 'node_modules'), join(project, 'node_modules'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'pipeline/serve.ts')], { cwd: project, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BASE_PATH: '/' } });
  const exits: string[] = [];
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (c) => { stderr += c; });
  child.on('exit', (code, signal) => exits.push(`exit ${code ?? signal}`));
  t.after(() => { child.kill(); });
  const origin = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (c) => {
      stdout += c;
      const m = stdout.match(/serving dist\/ at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) done(m[1]!);
    });
    child.once('exit', () => fail(new Error(`the server exited before listening:\n${stdout}\n${stderr}`)));
  });
  return { origin, child, exits, stderr: () => stderr };
}

test('publish switches dist to the new release, keeps the previous one and removes older ones', async (t) => {
  const project = tempDir(t, 'publish-');
  const dist = join(project, 'dist');
  const releases: string[] = [];
  for (const name of ['a', 'b', 'c']) {
    const dir = await release(project, name);
    releases.push(dir);
    const result = publish(dir, dist);
    assert.ok(lstatSync(dist).isSymbolicLink(), 'dist is a link');
    assert.equal(realpathSync(dist), realpathSync(dir));
    assert.equal(readFileSync(join(dist, 'index.html'), 'utf8'), page(name));
    if (name !== 'a') assert.equal(result.previous, resolve(releases.at(-2)!));
  }
  assert.deepEqual(readdirSync(join(project, '.build/releases')).sort(), releases.slice(1).map((d) => d.split('/').at(-1)!).sort(), 'a is removed; b (previous) and c (current) stay');
  assert.ok(!existsSync(`${dist}.next-${process.pid}`), 'no temporary link is left behind');
});

test('a dist/ that is still a plain folder is moved aside once, then replaced by the link', async (t) => {
  const project = tempDir(t, 'publish-');
  const dist = join(project, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), page('old'));
  const result = publish(await release(project, 'new'), dist);
  assert.ok(result.movedAside && existsSync(join(result.movedAside, 'index.html')), 'the old site is kept as the previous release');
  assert.equal(readFileSync(join(result.movedAside, 'index.html'), 'utf8'), page('old'));
  assert.equal(readFileSync(join(dist, 'index.html'), 'utf8'), page('new'));
});

test('a release without index.html is not published', async (t) => {
  const project = tempDir(t, 'publish-');
  const empty = newReleaseDir(join(project, '.build/releases'));
  assert.throws(() => publish(empty, join(project, 'dist')), /refusing to publish .*: it has no index\.html/);
  assert.ok(!existsSync(join(project, 'dist')));
});

test('a server started before the first build serves it, with its _headers, once it is published; and the next one', async (t) => {
  const project = tempDir(t, 'publish-');
  const server = await startServer(t, project);
  const before = await fetch(`${server.origin}/`);
  assert.equal(before.status, 503);
  assert.match(await before.text(), /No site has been published yet: run npm run build/);

  publish(await release(project, 'first'), join(project, 'dist'));
  const first = await fetch(`${server.origin}/`);
  assert.equal(first.status, 200);
  assert.equal(first.headers.get('x-release'), 'first');
  assert.equal(await first.text(), page('first'));

  publish(await release(project, 'second'), join(project, 'dist'));
  const second = await fetch(`${server.origin}/`);
  assert.equal(second.headers.get('x-release'), 'second', '_headers is read again for the new release');
  assert.equal(await second.text(), page('second'));
  assert.deepEqual(server.exits, []);
});

test('rebuilds while requests flow: no failed request, no exit, and the last release is served', async (t) => {
  const project = tempDir(t, 'publish-');
  const names = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
  publish(await release(project, names[0]!), join(project, 'dist'));
  const server = await startServer(t, project);

  // Each response must be whole and come from exactly one release.
  const expected: [path: string, status: number, bodies: Set<string>][] = [
    ['/', 200, new Set(names.map(page))],
    ['/big.html', 200, new Set(names.map(big))],
    ['/missing/', 404, new Set(names.map((n) => `<!doctype html><title>404</title><p>not found in ${n}</p>\n`))],
    ...Array.from({ length: 5 }, (_, i): [string, number, Set<string>] => [`/pages/${i * 59}/`, 200, new Set(names.map(page))]),
  ];
  const failures: string[] = [];
  let done = 0;
  let publishing = true;
  const MAX_REQUESTS = 3000; // the bound: the loop ends even if publishing never did
  const client = async () => {
    while (publishing && done < MAX_REQUESTS) {
      for (const [path, status, bodies] of expected) {
        try {
          const response = await fetch(`${server.origin}${path}`);
          const body = await response.text();
          if (response.status !== status) failures.push(`${path}: status ${response.status}`);
          else if (!bodies.has(body)) failures.push(`${path}: a body of ${body.length} characters from no single release`);
        } catch (error) {
          failures.push(`${path}: ${(error as Error).message} ${(error as Error).cause ?? ''}`);
        }
        done += 1;
      }
    }
  };
  const clients = Array.from({ length: 6 }, client);
  for (const name of names.slice(1)) {
    // Let a batch of requests land on the current release before switching again.
    const target = done + 30;
    while (done < target && done < MAX_REQUESTS) await new Promise((r) => setImmediate(r));
    await publishElsewhere(await release(project, name), join(project, 'dist'));
  }
  const target = done + 30;
  while (done < target && done < MAX_REQUESTS) await new Promise((r) => setImmediate(r));
  publishing = false;
  await Promise.all(clients);

  assert.deepEqual(failures, []);
  assert.ok(done < MAX_REQUESTS, `publishing finished within ${MAX_REQUESTS} requests (made ${done})`);
  assert.deepEqual(server.exits, [], `the server exited: ${server.stderr()}`);
  assert.equal(server.stderr(), '');
  const last = await fetch(`${server.origin}/`);
  assert.equal(await last.text(), page(names.at(-1)!));
});
