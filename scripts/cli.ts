import { fileURLToPath } from 'node:url';
import { isDataError } from '../src/lib/errors.ts';

/**
 * Runs a build step when its file is executed directly (not imported by a test), and turns a
 * DataError into one clear line on stderr and exit code 1, instead of a stack trace.
 */
export function runCli(moduleUrl: string, main: () => void | Promise<void>): void {
  if (process.argv[1] !== fileURLToPath(moduleUrl)) return;
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (isDataError(error)) console.error(`error: ${error.message}`);
      else console.error(error instanceof Error ? `error: ${error.message}` : error);
      process.exitCode = 1;
    });
}
