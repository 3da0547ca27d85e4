import { spawnSync } from 'node:child_process';

/**
 * A TCP port that was free a moment ago on 127.0.0.1, for a server that cannot be started on
 * port 0 and asked afterwards (Playwright's webServer, nginx). Synchronous because a config
 * file must know it when it is read. Whoever then listens on it fails loudly if another process
 * took it in between; it never talks to that process instead.
 */
export function freePortSync(): number {
  const probe = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  const port = Number(result.stdout);
  if (result.status !== 0 || !Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port: ${result.stderr || result.error?.message}`);
  return port;
}
