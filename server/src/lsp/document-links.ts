// textDocument/documentLink → service/document-links: a project's document paths as file
// links, web addresses in values as links to the browser.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver-protocol';
import { plainText } from '../core/text/shown';
import { documentLinks } from '../service/document-links';
import type { FeatureContext } from './context';

export function onDocumentLink(ctx: FeatureContext, params: DocumentLinkParams): DocumentLink[] {
  const doc = ctx.document(params.textDocument.uri);
  const project = doc?.project;
  if (!doc || !project || !doc.file) return [];
  return documentLinks(doc.model).map((link) => {
    if ('url' in link.target) return { range: link.range, target: link.target.url, tooltip: 'Open in the browser' };
    const file = link.target.file;
    const exists = fs.existsSync(path.join(project.root, ...file.split('/')));
    return { range: link.range, target: project.uriOf(file), tooltip: plainText(exists ? `Open ${file}` : `Open ${file} (it does not exist yet)`) };
  });
}
