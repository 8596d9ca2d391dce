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
// Since one incident's check needs no other incident, other threads can share the incidents
// (cli/validate-share.ts): each reads the other kinds itself, checks the incident files it
// claims (`checkShare`) and sends back what the index keeps of each — its entity, its
// references — with its diagnostics; this thread takes them in (`take`) as if it had checked
// the file, and checks itself whatever no other thread gave back.
//
// The language server keeps the whole index instead: its requests read every incident.

import { toCachedEntity, encodeReferences, documentKeys, stubRecord, type CachedEntity } from './cache/entries';
import { Checker, listingProblems, NO_DIAGNOSTICS, type CheckOptions } from './check';
import type { Diagnostic } from './diagnostic';
import { readText } from './workspace/host';
import type { Entity } from './workspace/entities';
import type { Workspace } from './workspace/workspace';

function inIncidentsFolder(file: string): boolean {
  return file.startsWith('incidents/') || file.includes('/incidents/');
}

/** Every this many files, `pace` (the caller's say on memory, see runtime/memory.ts). */
const PACE_EVERY = 1000;

/**
 * One file of `IncidentsCheck.files` as another thread checked it: its place in that list, and,
 * when it is one incident, that incident as the index keeps it, its references
 * (`encodeReferences`) and its diagnostics (none: left out). Without them, the file is not one
 * incident and this thread reads it itself.
 */
export type SharedResult = [index: number] | [index: number, entity: CachedEntity, refs: string, diagnostics?: Diagnostic[]];

export function loadAndCheck(ws: Workspace, options: CheckOptions, pace?: () => void): Map<string, Diagnostic[]> {
  const run = new IncidentsCheck(ws, options, pace);
  run.readOthers();
  let next = 0;
  run.checkClaimed(() => next++);
  return run.finish();
}

/** The whole check in its steps, for a caller that shares the incidents with other threads. */
export class IncidentsCheck {
  /** The files of the incidents folders, as every thread that shares them numbers them. */
  readonly files: string[] = [];
  private readonly others: string[] = [];
  private readonly checker: Checker;
  private readonly results = new Map<string, Diagnostic[]>();
  /** Per file of `files`: 1 once checked here or taken from another thread. */
  private readonly settled: Uint8Array;
  private count = 0;
  private readonly twice = new Set<string>();
  /** What files of incident folders that are not one incident define: checked files may depend on it. */
  private readonly unexpected = new Set<string>();
  private readonly readAgain: (file: string) => string | undefined;

  /** Lists the workspace (tam.yaml is read for its `ignore:`). */
  constructor(
    private readonly ws: Workspace,
    options: CheckOptions,
    private readonly pace?: () => void,
  ) {
    for (const file of ws.startLoading()) (inIncidentsFolder(file) ? this.files : this.others).push(file);
    this.settled = new Uint8Array(this.files.length);
    this.checker = new Checker(ws, options);
    this.readAgain = (file) => readText(ws.host, file);
  }

  /** 1. Everything outside the incidents folders, indexed with its values. */
  readOthers(): void {
    for (const file of this.others) this.ws.refresh(file);
  }

  /**
   * 2. The files of the incidents folders that `claim` hands out (by their place in `files`),
   * one at a time, until it hands out none; `between` runs after each.
   */
  checkClaimed(claim: () => number, between?: () => void): void {
    for (let i = claim(); i < this.files.length; i = claim()) {
      this.checkHere(i);
      between?.();
    }
  }

  /** A file another thread checked. */
  take(result: SharedResult): void {
    const [i, entity, refs, diagnostics] = result;
    if (this.settled[i] || i >= this.files.length) return;
    if (!entity) {
      this.checkHere(i);
      return;
    }
    this.settle(i);
    const file = this.files[i]!;
    this.ws.setRecord(stubRecord(file, this.readAgain, { hash: '', entities: [entity], refs }));
    if (this.ws.all('incident', entity[1]).length > 1) this.twice.add(entity[1]);
    this.results.set(file, diagnostics ?? NO_DIAGNOSTICS);
  }

  /** 3. Whatever no other thread gave back, then the rest, and what was checked too early. */
  finish(): Map<string, Diagnostic[]> {
    const { ws, results } = this;
    for (let i = 0; i < this.files.length; i++) if (!this.settled[i]) this.checkHere(i);
    const rest = new Set<string>();
    for (const record of ws.files()) if (!results.has(record.file)) rest.add(record.file);
    for (const id of this.twice) for (const e of ws.all('incident', id)) rest.add(e.file);
    if (this.unexpected.size) for (const file of ws.affectedBy([], this.unexpected)) if (ws.file(file)) rest.add(file);
    for (const [file, list] of this.checker.check([...rest])) results.set(file, list);
    for (const [file, list] of listingProblems(ws)) results.set(file, list);
    return results;
  }

  private settle(i: number): void {
    this.settled[i] = 1;
    if (this.pace && ++this.count % PACE_EVERY === 0) this.pace();
  }

  private checkHere(i: number): void {
    const { ws } = this;
    this.settle(i);
    const file = this.files[i]!;
    const touched = ws.refresh(file, true);
    const incident = oneIncident(ws.file(file)?.entities);
    if (!incident) {
      for (const key of touched) this.unexpected.add(key);
      return;
    }
    if (ws.all('incident', incident.id).length > 1) this.twice.add(incident.id);
    // Read just now, in full: no stand-in to read again first.
    this.results.set(file, this.checker.checkRead(file)!);
    this.checker.release(file);
    ws.release(file);
  }
}

/**
 * The other side of `IncidentsCheck`, in another thread with its own workspace: reads what is
 * outside the incidents folders, then checks the files of `files` that `claim` hands out and
 * sends each one's result. An incident is forgotten once sent: the thread that takes it keeps
 * the index (and finds the ids that come twice).
 */
export function checkShare(ws: Workspace, options: CheckOptions, files: readonly string[], claim: () => number, send: (result: SharedResult) => void, pace?: () => void): void {
  for (const file of ws.startLoading()) if (!inIncidentsFolder(file)) ws.refresh(file);
  const checker = new Checker(ws, options);
  let count = 0;
  for (let i = claim(); i < files.length; i = claim()) {
    if (pace && ++count % PACE_EVERY === 0) pace();
    const file = files[i]!;
    ws.refresh(file, true);
    const record = ws.file(file);
    const incident = oneIncident(record?.entities);
    if (!incident) {
      // Another kind, several documents, unreadable: the taking thread reads it itself.
      send([i]);
    } else {
      const diagnostics = checker.checkRead(file)!;
      const refs = encodeReferences(record!.refs, documentKeys(record!.entities));
      send(diagnostics.length ? [i, toCachedEntity(incident), refs, diagnostics] : [i, toCachedEntity(incident), refs]);
      checker.release(file);
    }
    ws.delete(file);
  }
}

function oneIncident(entities: readonly Entity[] | undefined): Entity | undefined {
  return entities?.length === 1 && entities[0]!.kind === 'incident' ? entities[0] : undefined;
}
