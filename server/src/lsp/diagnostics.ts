// A core diagnostic as LSP sends it: the same range, message and rule id as `tam validate`,
// with a link to the rule's documentation, the related locations, and source "tam". Editors
// show messages as plain text, so they go through plainText (core/text/shown) like the terminal's.

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { Diagnostic } from '../core/diagnostic';
import { ruleDocUrl } from '../core/rules/docs';
import { plainText } from '../core/text/shown';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic, uriOf: (file: string) => string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocUrl(d.code) },
    source: 'tam',
    message: plainText(d.message),
  };
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri: uriOf(r.file), range: r.range }, message: plainText(r.message) }));
  }
  return out;
}

/** Whether an LSP diagnostic the client sent back (as toLspDiagnostic wrote it) is this core diagnostic. */
export function sameDiagnostic(lsp: LspDiagnostic, d: Diagnostic): boolean {
  return (
    lsp.code === d.code &&
    lsp.message === plainText(d.message) &&
    lsp.range.start.line === d.range.start.line &&
    lsp.range.start.character === d.range.start.character &&
    lsp.range.end.line === d.range.end.line &&
    lsp.range.end.character === d.range.end.character
  );
}
