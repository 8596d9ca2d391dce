// Command-line arguments: a thin layer over node's parseArgs that turns every mistake into a
// UsageError (exit code 2) with a sentence saying what was expected.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseTimestamp } from '../core/time/timestamp';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(argv: string[], options: O, maxPositionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}"`);
  }
  return parsed;
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** `--now`: a timestamp with an offset; the current time when absent. */
export function nowOption(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const ms = parseTimestamp(value);
  if (ms === undefined) throw new UsageError(`--now must be a timestamp with an offset, like 2026-11-25T12:00:00+03:00, not "${value}"`);
  return ms;
}
