/**
 * Where `npm start` and `npm run preview` listen and which base path they serve, from PORT,
 * HOST and BASE_PATH. A value that cannot be right stops the server with one line saying so.
 */
import { normalizeBase } from '../../src/config/deploy.ts';
import { SetupError } from '../../src/lib/errors.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4321;

export interface ServeSettings { host: string; port: number; base: string }

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) throw new SetupError(`PORT must be a port number from 0 to 65535 (0: any free port), got "${raw}"`);
  return port;
}

export function serveSettings(env: NodeJS.ProcessEnv = process.env): ServeSettings {
  return { host: env.HOST?.trim() || DEFAULT_HOST, port: parsePort(env.PORT), base: normalizeBase(env.BASE_PATH) };
}
