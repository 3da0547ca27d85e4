import { fileURLToPath } from 'node:url';
import { isUserFacing } from '../src/lib/errors.ts';

/**
 * Runs a build step when its file is executed directly (not imported by a test). Bad data or a
 * missing tool prints one clear line on stderr; anything else is a bug and prints its stack.
 */
export function runCli(moduleUrl: string, main: () => void | Promise<void>): void {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (isUserFacing(error)) console.error(`error: ${error.message}`);
      else console.error(error);
      process.exitCode = 1;
    });
}
