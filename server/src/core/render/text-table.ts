// Columns aligned for a terminal: each padded to its widest cell, two spaces apart, numbers to
// the right, a rule under the heading. Cells are shown on one line without the control
// characters a terminal would run as escape sequences.

export interface TextColumn<T> {
  title: string;
  value: (row: T) => string;
  right?: boolean;
}

export function alignedColumns<T>(columns: readonly TextColumn<T>[], rows: readonly T[]): string[] {
  const body = rows.map((row) => columns.map((c) => terminalText(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...body.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title)), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
}

/** Workspace text on a terminal line: one line, no control characters, no reordering marks. */
export function terminalText(text: string): string {
  return String(text)
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** A CSV cell (RFC 4180); a text a spreadsheet would run as a formula gets a leading quote. */
export function csvText(value: string | number): string {
  let s = typeof value === 'number' ? String(value) : terminalText(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
