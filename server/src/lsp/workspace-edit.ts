// Edits of the service (files relative to a root) as an LSP WorkspaceEdit: plain `changes`
// when nothing is created, `documentChanges` with CreateFile when a fix makes a new file.

import type { CreateFile, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { FileCreate, TextEdit } from '../core/diagnostic';
import type { Project } from './project';
import type { ClientFeatures } from './protocol';

export function workspaceEdit(project: Project, client: ClientFeatures, edits: readonly TextEdit[], creates: readonly FileCreate[]): WorkspaceEdit {
  const byUri = new Map<string, LspTextEdit[]>();
  for (const e of edits) {
    const uri = project.uriOf(e.file);
    const list = byUri.get(uri) ?? [];
    list.push({ range: e.range, newText: e.newText });
    byUri.set(uri, list);
  }
  if (!creates.length && !client.documentChanges) {
    return { changes: Object.fromEntries(byUri) };
  }
  const changes: (TextDocumentEdit | CreateFile)[] = [];
  for (const c of creates) {
    const uri = project.uriOf(c.file);
    changes.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
    changes.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.text }] });
  }
  for (const [uri, list] of byUri) {
    const file = [...project.open.values()].find((d) => d.uri === uri);
    changes.push({ textDocument: { uri, version: file ? file.version : null }, edits: list });
  }
  return { documentChanges: changes };
}
