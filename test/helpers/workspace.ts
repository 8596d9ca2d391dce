// Test helpers: a workspace from a map of file texts, checked, with diagnostics in a compact
// text form ("file:line:col severity code message") that reads well in assertions.

import { check } from '../../server/src/core/check';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { MemoryHost } from '../../server/src/core/workspace/host';
import { Workspace } from '../../server/src/core/workspace/workspace';

/** A minimal valid organisation every test can build on. */
export const BASE: Record<string, string> = {
  'tam.yaml': 'kind: workspace\nname: Test provider\ntimezone: Europe/Moscow\ndefault_sla_policy: standard\n',
  'org/calendars.yaml': `kind: calendar
id: msk
timezone: Europe/Moscow
working_hours:
  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }
holidays: [2026-11-04]
---
kind: calendar
id: always
timezone: Europe/Moscow
`,
  'org/departments.yaml': `kind: department
id: network
name: Network
calendar: msk
---
kind: department
id: unix
name: Unix
calendar: msk
aliases: [linux]
`,
  'org/people.yaml': `kind: person
id: anna
name: Anna Smirnova
roles: [tam]
---
kind: person
id: oleg
name: Oleg Ivanov
department: network
roles: [engineer]
`,
  'org/sla.yaml': `kind: sla-policy
id: standard
calendar: msk
targets:
  P1: { response: 30m, resolution: 4h }
  P2: { response: 1h, resolution: 8h }
  P3: { response: 4h, resolution: 24h }
  P4: { response: 8h, resolution: 40h }
postmortem: { required_for: [P1, P2], within: 48h }
`,
  'projects/acme/project.yaml': 'kind: project\nid: acme\nname: ACME landing\nclient: ACME\ntam: anna\n',
};

export const NOW = Date.parse('2026-11-25T12:00:00+03:00');

export function workspaceOf(files: Record<string, string>, base = BASE): Workspace {
  const ws = new Workspace(new MemoryHost({ ...base, ...files }));
  ws.loadAll();
  return ws;
}

export function lines(diagnostics: Iterable<Diagnostic>): string[] {
  return [...diagnostics].map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
}

/** Diagnostics of every file, as compact lines. */
export function diagnose(files: Record<string, string>, options: { now?: number; base?: Record<string, string> } = {}): string[] {
  const ws = workspaceOf(files, options.base ?? BASE);
  const all: Diagnostic[] = [];
  for (const list of check(ws, { now: options.now ?? NOW }).values()) all.push(...list);
  // A rule that throws is reported as an internal error; no test may pass over one.
  const internal = all.find((d) => d.message.startsWith('internal error'));
  if (internal) throw new Error(`${internal.file}: ${internal.message}`);
  return lines(all);
}

/** Only the diagnostics of one rule. */
export function diagnoseRule(code: string, files: Record<string, string>, options: { now?: number; base?: Record<string, string> } = {}): string[] {
  return diagnose(files, options).filter((l) => l.split(' ')[2] === code);
}
