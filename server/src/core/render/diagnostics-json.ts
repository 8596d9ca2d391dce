// `tam validate --format json` (spec §7): the shape CI scripts read. Lines and columns are
// 1-based; `file` is relative to the validated folder.

import type { Diagnostic } from '../diagnostic';

export interface ValidationSummary {
  files: number;
  entities: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(diagnostics: readonly Diagnostic[], files: number, entities: number): ValidationSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
    else infos++;
  }
  return { files, entities, errors, warnings, infos };
}

export function diagnosticsJson(diagnostics: readonly Diagnostic[], summary: ValidationSummary): object {
  return { diagnostics: diagnostics.map(diagnosticJson), summary };
}

/** One diagnostic as spec §7 writes it, its fields in that order (`related` only when there is some). */
function diagnosticJson(d: Diagnostic): object {
  const out: Record<string, unknown> = {
    file: d.file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
  if (d.related?.length) out.related = d.related.map((r) => ({ file: r.file, line: r.range.start.line + 1, column: r.range.start.character + 1, message: r.message }));
  return out;
}
