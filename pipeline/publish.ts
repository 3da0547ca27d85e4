/**
 * Atomic publishing. Each full build writes a new release folder under .build/releases/, and
 * dist/ is a symbolic link to the current one. Publishing points a fresh link at the new release
 * and renames it over dist/: rename(2) replaces the link in one step, so a reader (or the
 * server, which follows dist/ on every request) sees either the old site or the new one, never
 * a missing or half-written one. The previous release is kept, so a response that started just
 * before the switch still finishes from it; older ones are removed.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

export const DIST = 'dist';
export const RELEASES = '.build/releases';

/** Release names sort by the time their build started. */
function releaseName(suffix = ''): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}${suffix}`;
}

/** A new, empty release folder for a full build to write into. */
export function newReleaseDir(releases = RELEASES): string {
  const dir = join(releases, releaseName());
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface Published { release: string; previous?: string; movedAside?: string }

/** Makes `release` the site at `dist`, in one rename. */
export function publish(release: string, dist = DIST): Published {
  if (!existsSync(join(release, 'index.html'))) throw new Error(`refusing to publish ${release}: it has no index.html`);
  const releases = dirname(resolve(release));
  const current = lstatOrUndefined(dist);
  let previous: string | undefined;
  let movedAside: string | undefined;
  if (current?.isSymbolicLink()) {
    previous = resolve(dirname(dist), readlinkSync(dist));
  } else if (current) {
    // dist/ is still a plain folder (a checkout from before releases): it becomes the previous
    // release. This one move is the only moment dist/ is absent, and it happens once.
    movedAside = join(releases, releaseName('-moved-from-dist'));
    renameSync(dist, movedAside);
    previous = movedAside;
  }
  const next = `${dist}.next-${process.pid}`;
  rmSync(next, { force: true });
  symlinkSync(relative(dirname(resolve(dist)), resolve(release)), next, 'dir');
  renameSync(next, dist);
  if (previous && dirname(previous) === releases) prune(releases, resolve(release), previous);
  return { release, previous, movedAside };
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes releases older than the previous one. A folder newer than that may belong to a build
 * still running in this checkout, so it is left alone.
 */
function prune(releases: string, current: string, previous: string): void {
  const keep = new Set([basename(current), basename(previous)]);
  for (const name of readdirSync(releases)) {
    if (!keep.has(name) && name < basename(previous)) rmSync(join(releases, name), { recursive: true, force: true });
  }
}
