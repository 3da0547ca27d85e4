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

/**
 * The machine lacks something the build needs (a browser, a binary, an npm package). Like a
 * DataError it is the reader's to fix, so it prints as one line that says how.
 */
export class SetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SetupError';
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof DataError;
}

/** An error whose message is the whole story (bad data, missing setup): no stack trace needed. */
export function isUserFacing(error: unknown): error is DataError | SetupError {
  return error instanceof DataError || error instanceof SetupError;
}
