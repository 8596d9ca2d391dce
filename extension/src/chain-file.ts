// Whether a document holds a task chain, decided on the client from its text alone (a `kind:
// chain` line at the start of a line), so the editor-title button shows without a round trip.

import * as vscode from 'vscode';

const CHAIN_KIND = /^kind:[ \t]*["']?chain["']?[ \t]*(#.*)?$/m;

export function isYamlDocument(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' && /\.ya?ml$/i.test(doc.uri.path);
}

export function isChainDocument(doc: vscode.TextDocument): boolean {
  return isYamlDocument(doc) && CHAIN_KIND.test(doc.getText());
}

/** Keeps the `tam.isChainFile` context key in step with the active editor. */
export function trackChainContext(): vscode.Disposable {
  let last: boolean | undefined;
  const update = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    const value = !!doc && isChainDocument(doc);
    if (value !== last) {
      last = value;
      void vscode.commands.executeCommand('setContext', 'tam.isChainFile', value);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  update();
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document !== vscode.window.activeTextEditor?.document) return;
      clearTimeout(timer);
      timer = setTimeout(update, 200);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
