// `tam validate --format gitlab`: GitLab's Code Quality report (a JSON array of issues in the
// subset of the Code Climate format GitLab reads), which GitLab shows in the merge request's
// Code Quality widget and compares with the target branch's report by fingerprint. GitLab shows
// the description to people: it goes through plainText (core/text/shown), one line, controls
// shown as escapes; the JSON writer (jsonText) does the rest.

import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostic';
import { plainText } from '../text/shown';

export interface GitlabIssue {
  type: 'issue';
  check_name: string;
  description: string;
  /** GitLab's scale: info, minor, major, critical, blocker. */
  severity: 'info' | 'minor' | 'major';
  /** Unique within a report and stable when lines move: GitLab matches base and head by it. */
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * An error fails `tam validate`, so it ranks above what GitLab calls minor; nothing the
 * workspace holds is a security hole, so critical and blocker stay unused.
 */
const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/** `pathOf` gives a file's path relative to the repository root, without a leading `./`. */
export function diagnosticsGitlab(diagnostics: readonly Diagnostic[], pathOf: (file: string) => string): GitlabIssue[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const path = pathOf(d.file).replace(/^(\.\/)+/, '');
    // The line stays out of the fingerprint, so an edit above a finding does not make GitLab
    // report it as fixed and new; the same finding twice in a file is told apart by its turn.
    const identity = `${path}\0${d.code}\0${d.message}`;
    const turn = seen.get(identity) ?? 0;
    seen.set(identity, turn + 1);
    return {
      type: 'issue',
      check_name: d.code,
      description: plainText(d.message),
      severity: SEVERITY[d.severity],
      fingerprint: createHash('md5').update(`${identity}\0${turn}`).digest('hex'),
      location: { path, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } },
    };
  });
}
