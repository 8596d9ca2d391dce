// Columns aligned for a terminal: each padded to its widest cell, two spaces apart, numbers to
// the right, a rule under the heading. Cells are shown as plainText (core/text/shown.ts) shows
// workspace text: on one line, with no control character a terminal would act on.

import { plainText } from '../text/shown';

export interface TextColumn<T> {
  title: string;
  value: (row: T) => string;
  right?: boolean;
}

export function alignedColumns<T>(columns: readonly TextColumn<T>[], rows: readonly T[]): string[] {
  const body = rows.map((row) => columns.map((c) => plainText(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...body.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}
