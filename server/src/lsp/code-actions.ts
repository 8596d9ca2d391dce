// textDocument/codeAction → service/code-actions: quick fixes for the diagnostics the client
// shows (matched back to the core diagnostics this server published), or for those in range.
// Titles quote workspace text ("Change to "…""), shown as plain text (core/text/shown).

import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver-protocol';
import type { Diagnostic } from '../core/diagnostic';
import { codeActions } from '../service/code-actions';
import { plainText } from '../core/text/shown';
import { safePosition, type FeatureContext } from './context';
import { sameDiagnostic, toLspDiagnostic } from './diagnostics';
import { workspaceEdit } from './workspace-edit';

export function onCodeAction(ctx: FeatureContext, params: CodeActionParams): CodeAction[] {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project || !doc.file) return [];
  if (params.context?.only && !params.context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  const published = project.diagnostics.get(doc.file) ?? [];
  const asked = params.context?.diagnostics ?? [];
  const start = safePosition(params.range?.start);
  const end = safePosition(params.range?.end);
  const relevant: Diagnostic[] = asked.length
    ? published.filter((d) => asked.some((a) => sameDiagnostic(a, d)))
    : published.filter((d) => !(d.range.end.line < start.line || d.range.start.line > end.line));
  const out: CodeAction[] = [];
  for (const fix of codeActions(doc.model, relevant, project.ws)) {
    if (fix.creates?.length && !ctx.client.createFiles) continue;
    out.push({
      title: plainText(fix.title),
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLspDiagnostic(fix.diagnostic, (f) => project.uriOf(f))],
      isPreferred: fix.preferred || undefined,
      edit: workspaceEdit(project, ctx.client, fix.edits, fix.creates ?? []),
    });
  }
  return out;
}
