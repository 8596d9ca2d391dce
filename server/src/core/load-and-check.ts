// `tam validate` of a whole workspace in one pass that holds the values of few files at a time.
// A provider's repository is mostly incident files (100 000 of them after a few years), and an
// incident's check reads only what other kinds define — its project, policy, calendar,
// department, people and postmortem — and, through `duplicate-id`, the ids of the other
// incidents. So the files outside `incidents/` folders are read and indexed first; then each
// file of an `incidents/` folder is read, indexed, checked at once and let go of (its values
// are read again only if something asks: lazy-record.ts); last, the other files are checked with
// every id known.
//
// The folders only decide the order; the results are a full check's whatever the layout (a
// differential test compares them with `check` after `loadAll`). A file of an incidents folder
// that is not one incident is kept and checked at the end, and the incidents already checked
// that what it defines affects (the index's `affectedBy`) are checked again; so is every
// definition of an incident id that comes twice.
//
// The language server keeps the whole index instead: its requests read every incident.

import { Checker, listingProblems, type CheckOptions } from './check';
import type { Diagnostic } from './diagnostic';
import type { Workspace } from './workspace/workspace';

function inIncidentsFolder(file: string): boolean {
  return file.startsWith('incidents/') || file.includes('/incidents/');
}

/** Every this many files, `pace` (the caller's say on memory, see cli/memory.ts). */
const PACE_EVERY = 1000;

export function loadAndCheck(ws: Workspace, options: CheckOptions, pace?: () => void): Map<string, Diagnostic[]> {
  const files = ws.startLoading();
  // 1. Everything outside the incidents folders, indexed with its values. They are held until
  //    the run ends, not for the life of a language server: not made compact (own-strings.ts).
  const later: string[] = [];
  for (const file of files) {
    if (inIncidentsFolder(file)) later.push(file);
    else ws.refresh(file, true);
  }

  // 2. The incidents, one file at a time.
  const checker = new Checker(ws, options);
  const results = new Map<string, Diagnostic[]>();
  const twice = new Set<string>();
  /** What files of incident folders that are not one incident define: checked files may depend on it. */
  const unexpected = new Set<string>();
  for (let i = 0; i < later.length; i++) {
    if (pace && i % PACE_EVERY === PACE_EVERY - 1) pace();
    const file = later[i]!;
    const touched = ws.refresh(file, true);
    const entities = ws.file(file)?.entities ?? [];
    const incident = entities.length === 1 && entities[0]!.kind === 'incident' ? entities[0]! : undefined;
    if (!incident) {
      for (const key of touched) unexpected.add(key);
      continue;
    }
    if (ws.all('incident', incident.id).length > 1) twice.add(incident.id);
    // Read just now, in full: no stand-in to read again first.
    results.set(file, checker.checkRead(file)!);
    checker.release(file);
    ws.release(file);
  }

  // 3. The rest, and what was checked too early.
  const rest = new Set<string>();
  for (const record of ws.files()) if (!results.has(record.file)) rest.add(record.file);
  for (const id of twice) for (const e of ws.all('incident', id)) rest.add(e.file);
  if (unexpected.size) for (const file of ws.affectedBy([], unexpected)) if (ws.file(file)) rest.add(file);
  for (const [file, list] of checker.check([...rest])) results.set(file, list);
  for (const [file, list] of listingProblems(ws)) results.set(file, list);
  return results;
}
