// Which diagnostics a change introduces and which it fixes. Diagnostics are matched by rule,
// file and message, not by line: an edit above a warning moves it without changing it. A file
// git saw renamed is matched under its new name, so a move neither fixes nor introduces.

import type { Diagnostic } from '../diagnostic';
import type { Severity } from '../model';

export interface ReviewDiagnostic {
  /** Workspace-relative path: the file now for introduced ones, at the base for fixed ones. */
  file: string;
  /** 1-based, in that version of the file. */
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface DiagnosticChanges {
  introduced: ReviewDiagnostic[];
  fixed: ReviewDiagnostic[];
}

export function diagnosticChanges(
  before: Iterable<Diagnostic>,
  after: Iterable<Diagnostic>,
  renames: ReadonlyMap<string, string>,
  inScope: (file: string) => boolean,
): DiagnosticChanges {
  const keyOf = (d: Diagnostic, file: string) => `${d.code}\0${file}\0${d.message}`;
  // A multiset: the same message twice in a file is two diagnostics.
  const remaining = new Map<string, number>();
  for (const d of before) {
    const key = keyOf(d, renames.get(d.file) ?? d.file);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const introduced: ReviewDiagnostic[] = [];
  for (const d of after) {
    const key = keyOf(d, d.file);
    const n = remaining.get(key) ?? 0;
    if (n > 0) remaining.set(key, n - 1);
    else if (inScope(d.file)) introduced.push(plain(d));
  }
  const fixed: ReviewDiagnostic[] = [];
  for (const d of before) {
    const key = keyOf(d, renames.get(d.file) ?? d.file);
    const n = remaining.get(key) ?? 0;
    if (n > 0) {
      remaining.set(key, n - 1);
      if (inScope(d.file) || inScope(renames.get(d.file) ?? d.file)) fixed.push(plain(d));
    }
  }
  return { introduced: introduced.sort(compare), fixed: fixed.sort(compare) };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compare(a: ReviewDiagnostic, b: ReviewDiagnostic): number {
  return RANK[a.severity] - RANK[b.severity] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
}

function plain(d: Diagnostic): ReviewDiagnostic {
  return { file: d.file, line: d.range.start.line + 1, column: d.range.start.character + 1, severity: d.severity, code: d.code, message: d.message };
}
