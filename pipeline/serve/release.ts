/**
 * The published site as the server sees it: dist/ resolved to the release folder it points at
 * (pipeline/publish.ts switches that link in one rename), with that release's file list,
 * `_headers` rules and 404 page. Releases never change once published, so each is read once;
 * dist/ is re-resolved on every request, so the first request after a publish sees the new one.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ENCODINGS, type Encoding } from '../compress.ts';
import { headerMatcher, parseHeadersFile, type HeaderMatcher } from './headers-file.ts';

/** Files a static host reads but never serves. */
const NOT_SERVED = new Set(['/_headers']);
const NOT_FOUND_PAGE = '/404.html';

export interface Release {
  /** The release folder (real path); every file of one response comes from here. */
  root: string;
  /** Site paths of the files that may be served ("/plan/index.html"). */
  files: ReadonlySet<string>;
  headersFor: HeaderMatcher;
  /** The 404 page and its precompressed variants, kept in memory (it is small and asked for often). */
  notFound?: Partial<Record<Encoding | 'identity', Buffer>>;
}

function siteFiles(root: string): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`;
    // Dotfiles (".DS_Store", ".git") are never part of the site.
    if (!NOT_SERVED.has(path) && !path.includes('/.')) files.add(path);
  }
  return files;
}

export function loadRelease(root: string): Release {
  const files = siteFiles(root);
  let rules: ReturnType<typeof parseHeadersFile> = [];
  try {
    rules = parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let notFound: Release['notFound'];
  if (files.has(NOT_FOUND_PAGE)) {
    notFound = { identity: readFileSync(join(root, NOT_FOUND_PAGE)) };
    for (const [encoding, ext] of Object.entries(ENCODINGS) as [Encoding, string][]) {
      if (files.has(NOT_FOUND_PAGE + ext)) notFound[encoding] = readFileSync(join(root, NOT_FOUND_PAGE + ext));
    }
  }
  return { root, files, headersFor: headerMatcher(rules), notFound };
}

/** Follows dist/ to whichever release it names now; undefined while there is none (never built). */
export function currentRelease(dist: string): () => Release | undefined {
  let current: Release | undefined;
  return () => {
    let root: string;
    try {
      root = realpathSync.native(dist);
    } catch {
      // Nothing published (yet): keep what was being served rather than fail the reader.
      return current;
    }
    if (root !== current?.root) current = loadRelease(root);
    return current;
  };
}
