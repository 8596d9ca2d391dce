// Opening the place an entity or a task is written: in the editor group that already shows the
// file, else in the first group (a webview usually sits beside it).

import * as vscode from 'vscode';
import { LocateRequest, type EntityAddress, type LocateParams, type LocateResult, type TamRange } from '../../server/src/protocol/tam-protocol';
import type { Ctx } from './ctx';

export function toRange(r: TamRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export async function revealRange(uri: string, range?: TamRange): Promise<vscode.TextEditor> {
  const target = vscode.Uri.parse(uri);
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  const doc = await vscode.workspace.openTextDocument(target);
  const selection = range ? toRange(range) : undefined;
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One,
    selection,
    preserveFocus: false,
  });
  if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Reveals an entity's `id` (or the document when it has none). */
export async function revealAddress(ctx: Ctx, address: EntityAddress): Promise<void> {
  let range: LocateResult = null;
  try {
    range = await ctx.request<LocateResult, LocateParams>(LocateRequest, { uri: address.uri, doc: address.doc, path: [...address.path, 'id'] });
  } catch {
    // Open the file anyway.
  }
  await revealRange(address.uri, range ?? undefined);
}
