import type { z } from 'astro/zod';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { DataError } from './errors.ts';

/**
 * Runs a zod schema and turns its issues into one DataError that names the file and the
 * exact node (e.g. `[3].target.quote`), the way Starlight's parseWithFriendlyErrors does.
 */
export function parseWithFriendlyErrors<T extends z.ZodType>(schema: T, data: unknown, file: string, describe?: (path: PropertyKey[]) => string): z.infer<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const node = describe?.(issue.path) ?? formatPath(issue.path);
    return `${node || '(root)'}: ${issue.message}`;
  });
  throw new DataError(file, '', `invalid data\n  - ${lines.join('\n  - ')}`);
}

export function formatPath(path: PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
}

/** Parses YAML, turning a syntax error into a DataError that names the file, line and column. */
export function parseYamlFile(text: string, file: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const [line, col] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
    throw new DataError(file, `line ${line}, column ${col}`, `YAML syntax error: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
}
