import { spawnSync } from 'node:child_process';
import { SetupError } from '../lib/errors.ts';

/**
 * This edition's date: the day its content (the source text, the notes, the figure data) last
 * changed, read from git in UTC. Deterministic for a given commit, so a rebuild never re-dates
 * the PDFs, and never "today". A deployer may state it instead with EDITION_DATE=YYYY-MM-DD
 * (e.g. building from an archive without git history).
 */
export function editionDate(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): string {
  const stated = env.EDITION_DATE;
  if (stated !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(stated) || Number.isNaN(Date.parse(stated))) throw new SetupError(`EDITION_DATE must be a date written YYYY-MM-DD, not "${stated}"`);
    return stated;
  }
  const git = spawnSync('git', ['log', '-1', '--format=%cd', '--date=format-local:%Y-%m-%d', '--', 'content/'], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const date = git.status === 0 ? git.stdout.trim() : '';
  if (!date) throw new SetupError('cannot tell the edition date: content/ has no git history here; set EDITION_DATE=YYYY-MM-DD');
  return date;
}
