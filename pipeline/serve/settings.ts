/**
 * Where `npm start` and `npm run preview` listen and which base path they serve, from PORT,
 * HOST and BASE_PATH. A value that cannot be right stops the server with one line saying so.
 */
import { SetupError } from '../../src/lib/errors.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4321;

export interface ServeSettings { host: string; port: number; base: string }

/** "/kjgh", "kjgh/" and "/kjgh/" all mean "/kjgh/"; unset or empty means the domain root. */
export function normalizeBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim();
  const base = `/${trimmed.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base) || base.split('/').some((s) => s === '.' || s === '..')) {
    throw new SetupError(`BASE_PATH must be a path such as /kjgh/ (letters, digits, . _ ~ -), got "${raw}"`);
  }
  return base;
}

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) throw new SetupError(`PORT must be a port number from 0 to 65535 (0: any free port), got "${raw}"`);
  return port;
}

export function serveSettings(env: NodeJS.ProcessEnv = process.env): ServeSettings {
  return { host: env.HOST?.trim() || DEFAULT_HOST, port: parsePort(env.PORT), base: normalizeBase(env.BASE_PATH) };
}
