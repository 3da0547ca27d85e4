/**
 * Every build-time failure that comes from data (source text, corrections, figure data)
 * is a DataError, so the CLI can print "file:line: node: problem" and exit non-zero
 * without a stack trace that hides the message.
 */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${file}${where ? `: ${where}` : ''}: ${problem}`);
    this.name = 'DataError';
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError;
}
