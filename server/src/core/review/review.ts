// `tam review`'s model: what a change to a TAM workspace means, from the workspace at a base
// ref and the workspace now, both read at the same "now" so that only the edit moves anything.
// Plain data: the Markdown comment and `--format json` are renderings of it (render/review.ts).
// The JSON shape is this file's `Review` type.

import { check } from '../check';
import { workspaceZone } from '../schedule/workspace-schedule';
import type { Diagnostic } from '../diagnostic';
import type { Workspace } from '../workspace/workspace';
import { chainChanges, type ChainChange } from './chains';
import { diagnosticChanges, type DiagnosticChanges } from './diagnostics';
import { documentChanges, type DocumentChange } from './documents';
import { entityChanges, type EntityChange } from './entities';
import { incidentChanges, type IncidentChange } from './incidents';
import { postmortemChanges, type PostmortemChange } from './postmortems';
import { proposalChanges, type ProposalChange } from './proposals';

export interface ReviewOptions {
  /** "Now" in ms since the epoch, the same for both sides. */
  now: number;
  /** The ref the user named and the commit it resolved to. */
  base: { ref: string; commit: string };
  /** Files git saw renamed since the base: old path → new path. */
  renames?: ReadonlyMap<string, string>;
  /** Only what lies in these files is reviewed (the folder the user named). */
  inScope?: (file: string) => boolean;
}

export interface FileChanges {
  added: string[];
  removed: string[];
  modified: string[];
  renamed: { from: string; to: string }[];
}

export interface ReviewSummary {
  /** Whether anything below differs: false means "no changes in meaning". */
  changed: boolean;
  chains: number;
  incidents: number;
  postmortems: number;
  proposals: number;
  documents: number;
  entities: number;
  /** Chains late after the change and not before. */
  chainsBecomingLate: number;
  /** SLA clocks breached after the change and not before. */
  breachesIntroduced: number;
  diagnosticsIntroduced: number;
  diagnosticsFixed: number;
  errorsIntroduced: number;
  errorsFixed: number;
}

export interface Review {
  base: { ref: string; commit: string };
  /** "Now" as an ISO 8601 instant (UTC). */
  now: string;
  /** The workspace's zone, in which the Markdown shows "now" to the reader. */
  zone: string;
  /** Workspace files whose text differs (YAML files that belong to the workspace). */
  files: FileChanges;
  summary: ReviewSummary;
  chains: ChainChange[];
  incidents: IncidentChange[];
  postmortems: PostmortemChange[];
  proposals: ProposalChange[];
  documents: DocumentChange[];
  /** Departments, people, calendars, SLA policies, projects, workspace settings. */
  entities: EntityChange[];
  diagnostics: DiagnosticChanges;
}

export function reviewChange(before: Workspace, after: Workspace, options: ReviewOptions): Review {
  const { now } = options;
  const renames = options.renames ?? new Map<string, string>();
  const inScope = options.inScope ?? (() => true);
  const chains = chainChanges(before, after, now, inScope);
  const incidents = incidentChanges(before, after, now, inScope);
  const postmortems = postmortemChanges(before, after, inScope);
  const proposals = proposalChanges(before, after, inScope);
  const documents = documentChanges(before, after, now, inScope);
  const entities = entityChanges(before, after, inScope);
  const diagnostics = diagnosticChanges(allDiagnostics(before, now), allDiagnostics(after, now), renames, inScope);
  const files = fileChanges(before, after, renames, inScope);

  const sections = chains.length + incidents.length + postmortems.length + proposals.length + documents.length + entities.length;
  const summary: ReviewSummary = {
    changed: sections + diagnostics.introduced.length + diagnostics.fixed.length > 0,
    chains: chains.length,
    incidents: incidents.length,
    postmortems: postmortems.length,
    proposals: proposals.length,
    documents: documents.length,
    entities: entities.length,
    chainsBecomingLate: chains.filter((c) => c.becameLate).length,
    breachesIntroduced: incidents.reduce((n, i) => n + i.breachesIntroduced.length, 0),
    diagnosticsIntroduced: diagnostics.introduced.length,
    diagnosticsFixed: diagnostics.fixed.length,
    errorsIntroduced: diagnostics.introduced.filter((d) => d.severity === 'error').length,
    errorsFixed: diagnostics.fixed.filter((d) => d.severity === 'error').length,
  };
  return { base: options.base, now: new Date(now).toISOString(), zone: workspaceZone(after), files, summary, chains, incidents, postmortems, proposals, documents, entities, diagnostics };
}

function allDiagnostics(ws: Workspace, now: number): Diagnostic[] {
  const all: Diagnostic[] = [];
  for (const list of check(ws, { now }).values()) all.push(...list);
  return all;
}

function fileChanges(before: Workspace, after: Workspace, renames: ReadonlyMap<string, string>, inScope: (file: string) => boolean): FileChanges {
  const texts = (ws: Workspace) => new Map([...ws.files()].filter((r) => inScope(r.file)).map((r) => [r.file, r.text ?? r.readProblem ?? '']));
  const b = texts(before);
  const a = texts(after);
  const changes: FileChanges = { added: [], removed: [], modified: [], renamed: [] };
  const renamedTo = new Set<string>();
  for (const [from, to] of renames) {
    if (b.has(from) && a.has(to) && !a.has(from)) {
      changes.renamed.push({ from, to });
      renamedTo.add(to);
    }
  }
  for (const [file, text] of a) {
    if (renamedTo.has(file)) continue;
    if (!b.has(file)) changes.added.push(file);
    else if (b.get(file) !== text) changes.modified.push(file);
  }
  const renamedFrom = new Set(changes.renamed.map((r) => r.from));
  for (const file of b.keys()) if (!a.has(file) && !renamedFrom.has(file)) changes.removed.push(file);
  for (const list of [changes.added, changes.removed, changes.modified]) list.sort();
  changes.renamed.sort((x, y) => (x.to < y.to ? -1 : 1));
  return changes;
}
