// What a pattern cannot say about a value of `x-tam-format`: that the date exists (no
// 2026-02-30) and the timestamp is a real instant. Its own module so that the validators
// generated at build time (esbuild.mjs) can require it.

import { parseTimestamp } from '../time/timestamp';
import { isDate } from '../time/dates';

export function realValue(format: string, data: string): boolean {
  if (format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(data)) return isDate(data);
  if (format === 'timestamp') {
    // Most are real: read first, and only a text that does not read is asked whether it has
    // the form at all (the pattern reports one that does not; this, one that names no instant).
    if (parseTimestamp(data) !== undefined) return true;
    return !(/T.*(Z|[+-]\d{2}:\d{2})$/.test(data) && /^\d{4}-\d{2}-\d{2}T/.test(data));
  }
  return true;
}
