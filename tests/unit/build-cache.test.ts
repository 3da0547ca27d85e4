import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CacheKey, freshBuild, stepCache } from '../../pipeline/cache.ts';
import { tempDir } from './temp.ts';

test('a key covers its parts in order, and the bytes of its files', (t) => {
  const dir = tempDir(t, 'cache-key-');
  const file = join(dir, 'a.html');
  writeFileSync(file, '<p>一</p>');
  const key = () => new CacheKey().add('site', 'https://x.example/').file(file).digest();
  const first = key();
  assert.equal(key(), first, 'same inputs, same key');
  writeFileSync(file, '<p>二</p>');
  assert.notEqual(key(), first, 'a changed file changes the key');
  assert.notEqual(new CacheKey().add('a', 'bc').digest(), new CacheKey().add('ab', 'c').digest(), 'parts do not run into each other');
});

test('a key names output files by their place in the build, not by the release folder it was written to', (t) => {
  const key = (dir: string) => new CacheKey().file(join(dir, 'index.html'), 'out/index.html').folder(join(dir, 'figures'), undefined, 'out/figures').digest();
  const releases = [tempDir(t, 'release-a-'), tempDir(t, 'release-b-')];
  for (const dir of releases) {
    mkdirSync(join(dir, 'figures'));
    writeFileSync(join(dir, 'index.html'), '<p>一</p>');
    writeFileSync(join(dir, 'figures', '2.svg'), '<svg/>');
  }
  assert.equal(key(releases[0]!), key(releases[1]!), 'the same files in two release folders give the same key');
  writeFileSync(join(releases[1]!, 'figures', '2.svg'), '<svg></svg>');
  assert.notEqual(key(releases[0]!), key(releases[1]!), 'a changed file in the folder still changes it');
});

test('outputs are restored by key, ignored when fresh, and entries a build did not use are pruned', (t) => {
  const dir = tempDir(t, 'cache-');
  const out = join(dir, 'out.pdf');
  writeFileSync(out, 'printed once');
  const cache = stepCache('pdf', { dir, fresh: false });
  cache.store('k1', out);
  writeFileSync(out, 'something else');
  assert.equal(cache.restore('k1', out), true);
  assert.equal(readFileSync(out, 'utf8'), 'printed once');
  assert.equal(cache.restore('k2', out), false, 'an unknown key');
  assert.equal(stepCache('pdf', { dir, fresh: true }).restore('k1', out), false, '--fresh ignores the cache');

  const next = stepCache('pdf', { dir, fresh: false });
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'folder', 'x'), 'x');
  next.store('k3', join(dir, 'folder'));
  next.prune();
  assert.equal(stepCache('pdf', { dir, fresh: false }).restore('k1', out), false, 'k1 was not used by the last build');
  assert.equal(stepCache('pdf', { dir, fresh: false }).restore('k3', join(dir, 'copy')), true);
  assert.equal(readFileSync(join(dir, 'copy', 'x'), 'utf8'), 'x');
});

test('--fresh or BUILD_FRESH=1 asks for a build without the cache', () => {
  assert.equal(freshBuild(['node', 'build.ts', '--fresh'], {}), true);
  assert.equal(freshBuild(['node', 'build.ts'], { BUILD_FRESH: '1' }), true);
  assert.equal(freshBuild(['node', 'build.ts'], {}), false);
});
