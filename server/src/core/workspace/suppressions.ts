// Suppression comments (spec §6): `# tam-disable-next-line RULE[, RULE…] -- reason` silences
// rules on the next line; `# tam-disable RULE -- reason` as the first comment of a document
// silences them for that document. Each remembers whether it silenced anything, so that the
// checker can report the ones that did not (`unused-suppression`).

import type { Range } from '../model';
import type { ParsedDocument, ParsedFile } from './parse';
import { lineEndOffset, positionAt } from './parse';

export interface Suppression {
  scope: 'next-line' | 'document';
  /** Line of the comment (zero-based). */
  line: number;
  /** The document it belongs to. */
  doc: number;
  rules: string[];
  /** Range of the comment, for reporting it. */
  range: Range;
  /** Set when a `tam-disable` comment is not the first comment of its document. */
  misplaced?: boolean;
}

const DIRECTIVE = /#\s*tam-disable(-next-line)?(?=\s|$)([^\n\r]*)/g;

export function findSuppressions(text: string, parsed: Pick<ParsedFile, 'lineStarts' | 'docs'>): Suppression[] {
  if (!text.includes('tam-disable')) return [];
  // The line table only now: most files have no suppression, and need none.
  const { lineStarts, docs } = parsed;
  const out: Suppression[] = [];
  const firstCommentSeen = new Set<number>();
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const start = m.index;
    if (!isCommentStart(text, start)) continue;
    const pos = positionAt(lineStarts, start);
    const doc = docOfLine(docs, pos.line);
    const rules = (m[2] ?? '').split(/\s--\s|\s--$/)[0]!.split(',').map((r) => r.trim()).filter(Boolean);
    const range = { start: pos, end: positionAt(lineStarts, lineEndOffset(text, lineStarts, pos.line)) };
    if (m[1]) {
      out.push({ scope: 'next-line', line: pos.line, doc, rules, range });
    } else {
      const first = !firstCommentSeen.has(doc) && isFirstCommentOfDocument(text, lineStarts, docs, doc, pos.line);
      out.push({ scope: 'document', line: pos.line, doc, rules, range, misplaced: !first });
    }
    firstCommentSeen.add(doc);
  }
  return out;
}

/** The `#` starts a comment: it begins the line (after spaces) or follows a space. */
function isCommentStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function docOfLine(docs: readonly ParsedDocument[], line: number): number {
  let doc = 0;
  for (const d of docs) if (d.startLine <= line) doc = d.index;
  return doc;
}

/** No other comment stands between the document's start and this line. */
function isFirstCommentOfDocument(text: string, lineStarts: readonly number[], docs: readonly ParsedDocument[], doc: number, line: number): boolean {
  const startLine = docs[doc]?.startLine ?? 0;
  for (let l = startLine; l < line; l++) {
    const s = lineStarts[l]!;
    const e = lineEndOffset(text, lineStarts, l);
    if (text.slice(s, e).includes('#')) return false;
  }
  return true;
}
