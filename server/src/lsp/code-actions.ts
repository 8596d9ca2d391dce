// textDocument/codeAction → service/code-actions and service/routine-edits: quick fixes for the
// diagnostics the client shows (matched back to the core diagnostics this server published), or
// for those in range; and, where the cursor is, a TAM's routine edits (start a task, add a
// timeline entry now, mark a document reviewed) as `refactor.rewrite` actions. Titles quote
// workspace text ("Change to "…""), shown as plain text (core/text/shown).

import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver-protocol';
import type { Diagnostic } from '../core/diagnostic';
import { codeActions } from '../service/code-actions';
import { routineEdits } from '../service/routine-edits';
import { plainText } from '../core/text/shown';
import { safePosition, type FeatureContext } from './context';
import { sameDiagnostic, toLspDiagnostic } from './diagnostics';
import { workspaceEdit } from './workspace-edit';

/** Whether the editor asks for actions of this kind (`only` lists kinds and their parents). */
function wanted(params: CodeActionParams, kind: string): boolean {
  const only = params.context?.only;
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

export function onCodeAction(ctx: FeatureContext, params: CodeActionParams): CodeAction[] {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project || !doc.file) return [];
  const out: CodeAction[] = [];
  const start = safePosition(params.range?.start);
  const end = safePosition(params.range?.end);
  if (wanted(params, CodeActionKind.QuickFix)) {
    const published = project.diagnostics.get(doc.file) ?? [];
    const asked = params.context?.diagnostics ?? [];
    const relevant: Diagnostic[] = asked.length
      ? published.filter((d) => asked.some((a) => sameDiagnostic(a, d)))
      : published.filter((d) => !(d.range.end.line < start.line || d.range.start.line > end.line));
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
  }
  if (wanted(params, CodeActionKind.RefactorRewrite)) {
    for (const routine of routineEdits(doc.model, start, project.ws, ctx.now(), { me: ctx.settings().me })) {
      out.push({ title: plainText(routine.title), kind: CodeActionKind.RefactorRewrite, edit: workspaceEdit(project, ctx.client, routine.edits, []) });
    }
  }
  return out;
}
