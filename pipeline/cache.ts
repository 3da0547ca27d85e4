import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The build's memory of its expensive outputs (each PDF, each Word file, the search index),
 * so an unchanged input is never printed twice. Each output is stored under a key that covers
 * everything it depends on: its inputs' bytes, the settings, the tools' versions and the code
 * that makes it. The cache lives in .build/cache/, outside dist/; deleting it only costs time.
 * `npm run build -- --fresh` (or BUILD_FRESH=1) ignores it and fills it again.
 */
export const CACHE_DIR = '.build/cache';

export function freshBuild(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  return argv.includes('--fresh') || env.BUILD_FRESH === '1';
}

/** A key from parts in order: strings, bytes, or files (read when the key is made). */
export class CacheKey {
  private readonly hash = createHash('sha256');

  add(label: string, value: string | Uint8Array): this {
    this.hash.update(`${label}\u0000${typeof value === 'string' ? value.length : value.byteLength}\u0000`).update(value);
    return this;
  }

  /**
   * A file's bytes, or that it is missing (so creating it changes the key too). `as` names it in
   * the key: a file of the build's output is named relative to it, because every full build
   * writes to a new release folder and its path must not change the key.
   */
  file(path: string, as: string = path): this {
    return this.add(`file:${as}`, existsSync(path) ? readFileSync(path) : '(missing)');
  }

  /** Every file under a folder, in a fixed order, named in the key as `as`/… (see file()). */
  folder(dir: string, keep: (path: string) => boolean = () => true, as: string = dir): this {
    if (!existsSync(dir)) return this.add(`folder:${as}`, '(missing)');
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const path = join(dir, name);
      if (keep(path) && statSync(path).isFile()) this.file(path, `${as}/${name}`);
    }
    return this;
  }

  digest(): string {
    return this.hash.digest('hex').slice(0, 32);
  }
}

export interface StepCache {
  /** Copies the cached output (a file, or a folder) to `to`; false when the key is not known. */
  restore(key: string, to: string): boolean;
  store(key: string, from: string): void;
  /** Drops the entries this run did not use: the cache holds one build's outputs, not all history. */
  prune(): void;
}

/** The cache of one step (pdf, docx, pagefind). */
export function stepCache(step: string, options: { dir?: string; fresh?: boolean } = {}): StepCache {
  const root = join(options.dir ?? CACHE_DIR, step);
  const fresh = options.fresh ?? freshBuild();
  const used = new Set<string>();
  const copy = (from: string, to: string) => {
    rmSync(to, { recursive: true, force: true });
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true });
  };
  return {
    restore(key, to) {
      const from = join(root, key);
      if (fresh || !existsSync(from)) return false;
      copy(from, to);
      used.add(key);
      return true;
    },
    store(key, from) {
      copy(from, join(root, key));
      used.add(key);
    },
    prune() {
      if (!existsSync(root)) return;
      for (const name of readdirSync(root)) if (!used.has(name)) rmSync(join(root, name), { recursive: true, force: true });
    },
  };
}

/** The code a step's output depends on: its own files, hashed, so editing the code reprints. */
export function codeKey(key: CacheKey, files: readonly string[]): CacheKey {
  for (const file of files) key.file(file);
  return key;
}
