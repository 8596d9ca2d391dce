// GitLab's Code Quality report, field by field as GitLab documents it (docs.gitlab.com,
// "Code Quality report format"): a JSON array of issues, each with `description`,
// `check_name`, `fingerprint`, `severity` (info, minor, major, critical or blocker),
// `location.path` relative to the repository without `./`, and `location.lines.begin`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../../../server/src/core/diagnostic';
import { diagnosticsGitlab } from '../../../server/src/core/render/diagnostics-gitlab';

function diagnostic(file: string, line: number, severity: Diagnostic['severity'], code: Diagnostic['code'], message: string): Diagnostic {
  return { file, severity, code, message, range: { start: { line, character: 4 }, end: { line: line + 1, character: 0 } } };
}

const findings = [
  diagnostic('projects/acme/chains/c.yaml', 5, 'error', 'unknown-reference', 'unknown department "netwrok"; did you mean "network"?'),
  diagnostic('projects/acme/project.yaml', 6, 'warning', 'stale-doc', '"Runbook" was last reviewed 2025-01-01'),
  diagnostic('tam.yaml', 0, 'info', 'unused-suppression', 'this comment silences nothing'),
];

test('each issue carries every field GitLab requires, with the values it accepts', () => {
  const report = diagnosticsGitlab(findings, (f) => `ops/tam/${f}`);
  assert.deepEqual(report[0], {
    type: 'issue',
    check_name: 'unknown-reference',
    description: 'unknown department "netwrok"; did you mean "network"?',
    severity: 'major',
    fingerprint: report[0]!.fingerprint,
    location: { path: 'ops/tam/projects/acme/chains/c.yaml', lines: { begin: 6, end: 7 } },
  });
  assert.deepEqual(
    report.map((i) => i.severity),
    ['major', 'minor', 'info'],
  );
  for (const issue of report) {
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
    assert.ok(issue.description && issue.check_name);
    assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
    assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
  }
});

test('paths never start with ./, which GitLab would not match to the repository file', () => {
  const [issue] = diagnosticsGitlab(findings.slice(0, 1), (f) => `./${f}`);
  assert.equal(issue!.location.path, 'projects/acme/chains/c.yaml');
});

test('fingerprints are unique in a report, even for the same finding twice in a file', () => {
  const twice = [findings[0]!, { ...findings[0]!, range: { start: { line: 9, character: 4 }, end: { line: 9, character: 11 } } }];
  const report = diagnosticsGitlab([...twice, ...findings.slice(1)], (f) => f);
  assert.equal(new Set(report.map((i) => i.fingerprint)).size, report.length);
});

test('a finding keeps its fingerprint when lines above it move, so GitLab does not call it new', () => {
  const before = diagnosticsGitlab(findings, (f) => f);
  const moved = findings.map((d) => ({ ...d, range: { start: { line: d.range.start.line + 3, character: 0 }, end: { line: d.range.end.line + 3, character: 0 } } }));
  const after = diagnosticsGitlab(moved, (f) => f);
  assert.deepEqual(
    after.map((i) => i.fingerprint),
    before.map((i) => i.fingerprint),
  );
  // …while another message in the same place is another finding.
  const other = diagnosticsGitlab([{ ...findings[0]!, message: 'unknown department "nope"' }], (f) => f);
  assert.notEqual(other[0]!.fingerprint, before[0]!.fingerprint);
});

test('no findings: an empty array, which GitLab reads as "no issues"', () => {
  assert.deepEqual(diagnosticsGitlab([], (f) => f), []);
});
