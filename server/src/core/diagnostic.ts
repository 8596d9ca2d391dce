// A diagnostic is plain data: where, how severe, which rule, what to say, what else to look
// at, and possibly a fix. Rules write drafts that name a node by its path; the checker gives
// them ranges. The CLI's formatters and the LSP adapter only convert this shape.

import type { NodeAddress, Range, Severity } from './model';

export const RULE_IDS = [
  'yaml-syntax',
  'schema',
  'duplicate-id',
  'unknown-reference',
  'dependency-cycle',
  'timeline-order',
  'sla-breach',
  'sla-at-risk',
  'missing-postmortem',
  'missing-sla-policy',
  'stale-doc',
  'deadline-at-risk',
  'dependency-not-done',
  'due-before-forecast',
  'unused-suppression',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && (RULE_IDS as readonly string[]).includes(value);
}

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/** A new file to write, for fixes such as "create the postmortem". */
export interface FileCreate {
  file: string;
  text: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  creates?: FileCreate[];
  /** The fix an editor may apply on "fix all" without asking. */
  preferred?: boolean;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** Machine-readable detail of a finding, for editors' quick fixes. */
export interface DiagnosticData {
  /** A required field that is missing. */
  missing?: string;
  /** A field the schema does not know. */
  unknown?: string;
  /** The x-tam-format of a value of the wrong form (timestamp, date, sla-duration…). */
  format?: string;
}

export interface Diagnostic {
  /** Workspace-relative POSIX path. */
  file: string;
  range: Range;
  severity: Severity;
  code: RuleId;
  message: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
  data?: DiagnosticData;
}

/** An edit before its range is known: replace the node at an address. */
export interface DraftEdit {
  at: NodeAddress;
  newText: string;
  /** Insert after the node instead of replacing it. */
  insert?: 'after' | 'before';
}

export interface DraftFix {
  title: string;
  edits: DraftEdit[];
  creates?: FileCreate[];
  preferred?: boolean;
}

/** What a rule reports: the node by address; ranges are filled in later. */
export interface DraftDiagnostic {
  code: RuleId;
  at: NodeAddress | { file: string; range: Range };
  message: string;
  related?: { at: NodeAddress | { file: string; range: Range }; message: string }[];
  fixes?: DraftFix[];
  data?: DiagnosticData;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
