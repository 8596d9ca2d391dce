// The main thread's own context for the answers it gives from the text alone (completion,
// hover, the outline) when the analysis thread is busy or away: the open document's text, else
// the file read from disk if it is small, and no workspace index.

import * as fs from 'node:fs';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { TextModel } from '../../service/text-model';
import type { FeatureContext } from '../context';
import { pathOf } from './paths';
import type { Session } from './session';

/** Files larger than this are not read on the main thread. */
const MAX_READ_BYTES = 2 * 1024 * 1024;

export interface TextOnly {
  context: FeatureContext;
  /** Drops what is kept of a closed document. */
  forget(uri: string): void;
}

export function textOnlyContext(documents: TextDocuments<TextDocument>, session: Session): TextOnly {
  const models = new Map<string, TextModel>();
  const context: FeatureContext = {
    document(uri) {
      const doc = documents.get(uri);
      if (!doc) {
        const text = readIfFile(uri);
        return text === undefined ? undefined : { model: new TextModel(uri, text) };
      }
      let model = models.get(uri);
      if (!model || model.version !== doc.version) {
        model = new TextModel(uri, doc.getText(), doc.version);
        models.set(uri, model);
      }
      return { model };
    },
    projects: () => [],
    now: () => session.settings.now ?? Date.now(),
    settings: () => session.settings,
    get client() {
      return session.client;
    },
  };
  return { context, forget: (uri) => void models.delete(uri) };
}

/** The text of a file: URI not open in the editor (small files only; this is the main thread). */
function readIfFile(uri: string): string | undefined {
  const p = pathOf(uri);
  if (!p) return undefined;
  try {
    if (fs.statSync(p).size > MAX_READ_BYTES) return undefined;
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}
