// Runs the rules over files of an indexed workspace and produces finished diagnostics: ranges
// located, severities from `tam.yaml` `rules:`, suppression comments applied and unused ones
// reported. One broken file never stops the others from being checked.

import { compareDiagnostics, isRuleId, type Diagnostic, type DraftDiagnostic, type DraftFix, type Fix, type RuleId } from './diagnostic';
import type { NodeAddress, Range, RuleSetting, Severity, TargetKind } from './model';
import { RULES, RULES_BY_ID } from './rules';
import type { NowDependence, Rule, RuleContext } from './rules/rule';
import { forgetIncidentSla } from './sla/incident-clocks';
import type { Locator } from './workspace/locate';
import { Places } from './workspace/place';
import type { FileRecord, Workspace } from './workspace/workspace';

export interface CheckOptions {
  /** "Now" in ms since the epoch. */
  now: number;
  /** Severity overrides on top of `tam.yaml` (the editor's `tam.rules` setting). */
  rules?: Record<string, RuleSetting>;
  /** Collects the files whose diagnostics depend on `now` (they change with the time alone), and how. */
  nowDependent?: Map<string, NowDependence>;
  /**
   * false: the quick fixes are left out of the diagnostics (each placed in its file costs a
   * look-up of every edit), for output that prints none: `tam validate` without a cache.
   */
  fixes?: boolean;
}

const RULES_BY_KIND = new Map<TargetKind, Rule[]>();
for (const rule of RULES) {
  for (const kind of rule.kinds ?? []) {
    const list = RULES_BY_KIND.get(kind) ?? [];
    list.push(rule);
    RULES_BY_KIND.set(kind, list);
  }
}

/** Checks the given files (all files when none are given); returns diagnostics per file. */
export function check(ws: Workspace, options: CheckOptions, files?: Iterable<string>): Map<string, Diagnostic[]> {
  const out = new Checker(ws, options).check(files ? [...files] : [...ws.files()].map((r) => r.file));
  if (!files) for (const [file, list] of listingProblems(ws)) out.set(file, list);
  return out;
}

/** A file the listing could not enter (an unreadable folder) as its one diagnostic. */
export function listingProblems(ws: Workspace): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  for (const p of ws.problemsOfListing) out.set(p.file, [{ file: p.file, range: zeroRange(), severity: 'error', code: 'yaml-syntax', message: p.problem }]);
  return out;
}

/**
 * Checks files with one set of options, as often as asked: the rule settings are read once, and
 * the files that related locations point into (a policy, a calendar) are located once.
 */
export class Checker {
  private readonly settings: Map<RuleId, Severity | 'off'>;
  private readonly places: Places;
  private readonly locatorOf = (file: string): Locator | null => this.places.locatorOf(file);

  constructor(
    private readonly ws: Workspace,
    private readonly options: CheckOptions,
  ) {
    this.settings = ruleSettings(ws, options);
    this.places = new Places(ws);
  }

  check(files: readonly string[]): Map<string, Diagnostic[]> {
    const { ws } = this;
    const out = new Map<string, Diagnostic[]>();
    // A record without its findings (a stand-in from a cache, a file let go of) is read in full
    // before it is checked (the same text, so nothing else changes).
    for (const file of files) {
      const record = ws.file(file);
      const text = record?.stub ? record.text : undefined;
      if (text !== undefined) {
        ws.setText(file, text);
        this.places.forget(file);
      }
    }
    for (const file of files) {
      const diagnostics = this.checkRead(file);
      if (diagnostics) out.set(file, diagnostics);
    }
    return out;
  }

  /**
   * The diagnostics of one file whose record holds its findings (read in full: not a stand-in),
   * as `check` gives them; undefined for a file not in the index. For load-and-check.ts, which
   * checks 100 000 files one at a time.
   */
  checkRead(file: string): Diagnostic[] | undefined {
    const record = this.ws.file(file);
    if (!record) return undefined;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = checkFile(this.ws, record, this.options, this.settings, this.locatorOf);
    } catch (e) {
      // A defect in a rule must not cost the user the other files' results.
      diagnostics = [internalError(record.file, e)];
    }
    // Most files have none: one shared empty list instead of 100 000.
    return diagnostics.length ? diagnostics : NO_DIAGNOSTICS;
  }

  /**
   * The caller lets go of a file it has checked (load-and-check.ts): its positions and its
   * incidents' clocks are not kept either. Kept, they lived through scavenges and were promoted
   * (the last files' span trees were a third of all that a cold run promoted, the last 4 096
   * incidents' clocks and values a third of the rest).
   */
  release(file: string): void {
    this.places.forget(file);
    for (const entity of this.ws.file(file)?.entities ?? []) if (entity.kind === 'incident') forgetIncidentSla(this.ws, entity);
  }
}

const NO_DIAGNOSTICS = Object.freeze([]) as unknown as Diagnostic[];

function checkFile(ws: Workspace, record: FileRecord, options: CheckOptions, settings: Map<RuleId, Severity | 'off'>, locatorOf: (f: string) => Locator | null): Diagnostic[] {
  if (record.readProblem !== undefined) {
    const severity = settings.get('yaml-syntax')!;
    if (severity === 'off') return [];
    return [{ file: record.file, range: zeroRange(), severity, code: 'yaml-syntax', message: record.readProblem }];
  }
  const drafts: { draft: DraftDiagnostic; doc?: number }[] = record.local.map((draft) => ({ draft, doc: docOf(draft, record) }));
  const ctx = new FileContext(ws, record.file, options, drafts);
  for (const entity of record.entities) {
    const rules = RULES_BY_KIND.get(entity.kind) ?? [];
    ctx.doc = entity.doc;
    for (const rule of rules) {
      if (settings.get(rule.id) === 'off') continue;
      // Cross-file rules trust the schema: an invalid entity is reported by `schema` alone,
      // except for the checks that only need ids.
      if (!entity.valid && rule.id !== 'duplicate-id' && rule.id !== 'unknown-reference') continue;
      rule.check!(entity, ctx);
    }
  }

  const result: Diagnostic[] = [];
  if (drafts.length === 0 && record.suppressions.length === 0) return result;
  /** For each suppression, the rules it did silence. */
  const used = new Map<number, Set<string>>();
  for (const { draft, doc } of drafts) {
    const severity = settings.get(draft.code) ?? 'error';
    if (severity === 'off') continue;
    const range = rangeOf(draft.at, locatorOf) ?? zeroRange();
    const suppressedBy = record.suppressions.findIndex(
      (s) => !s.misplaced && s.rules.includes(draft.code) && (s.scope === 'next-line' ? s.line + 1 === range.start.line : s.doc === doc),
    );
    if (suppressedBy !== -1) {
      if (!used.has(suppressedBy)) used.set(suppressedBy, new Set());
      used.get(suppressedBy)!.add(draft.code);
      continue;
    }
    const diagnostic: Diagnostic = { file: record.file, range, severity, code: draft.code, message: draft.message };
    if (draft.related?.length) {
      diagnostic.related = draft.related.map((r) => ({ file: r.at.file, range: rangeOf(r.at, locatorOf) ?? zeroRange(), message: r.message }));
    }
    if (draft.fixes?.length && options.fixes !== false) diagnostic.fixes = draft.fixes.map((f) => locateFix(f, locatorOf));
    if (draft.data) diagnostic.data = draft.data;
    result.push(diagnostic);
  }

  const unusedSeverity = settings.get('unused-suppression')!;
  if (unusedSeverity !== 'off' && record.suppressions.length) {
    record.suppressions.forEach((s, i) => {
      const silenced = used.get(i) ?? new Set<string>();
      const unknown = s.rules.filter((r) => !isRuleId(r));
      const active = s.rules.filter((r) => isRuleId(r) && settings.get(r) !== 'off' && !silenced.has(r));
      if (silenced.size && !unknown.length && !active.length) return;
      let message: string | undefined;
      if (s.rules.length === 0) message = 'suppression names no rule: write the rule ids to silence, e.g. "# tam-disable-next-line stale-doc -- reason"';
      else if (unknown.length) message = `suppression names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')}`;
      else if (s.misplaced) message = '"tam-disable" only works as the first comment of a document; use "tam-disable-next-line" here';
      else if (active.length) message = `suppression of ${active.join(', ')} silences nothing: no such diagnostic ${s.scope === 'next-line' ? 'on the next line' : 'in this document'}`;
      if (message) result.push({ file: record.file, range: s.range, severity: unusedSeverity, code: 'unused-suppression', message });
    });
  }
  return result.sort(compareDiagnostics);
}

/** What the rules see while they check the entities of one file (one per file, not per entity). */
class FileContext implements RuleContext {
  /** The document of the entity being checked. */
  doc = 0;
  readonly nowUntracked: number;

  constructor(
    readonly ws: Workspace,
    private readonly file: string,
    private readonly options: CheckOptions,
    private readonly drafts: { draft: DraftDiagnostic; doc?: number }[],
  ) {
    this.nowUntracked = options.now;
  }

  get now(): number {
    this.options.nowDependent?.set(this.file, 'instant');
    return this.options.now;
  }

  dependsOnNow(scope: NowDependence = 'instant'): void {
    const known = this.options.nowDependent;
    if (known && known.get(this.file) !== 'instant') known.set(this.file, scope);
  }

  report(draft: DraftDiagnostic): void {
    this.drafts.push({ draft, doc: this.doc });
  }
}

/** Effective severity of every rule: defaults, then `tam.yaml` `rules:`, then the caller's. */
export function ruleSettings(ws: Workspace, options: Pick<CheckOptions, 'rules'>): Map<RuleId, Severity | 'off'> {
  const settings = new Map<RuleId, Severity | 'off'>();
  for (const rule of RULES) settings.set(rule.id, rule.defaultSeverity);
  for (const overrides of [ws.config.doc?.rules, options.rules]) {
    if (!overrides || typeof overrides !== 'object') continue;
    for (const [id, value] of Object.entries(overrides)) {
      if (isRuleId(id) && RULES_BY_ID.has(id) && ['error', 'warning', 'info', 'off'].includes(value as string)) settings.set(id, value as Severity | 'off');
    }
  }
  return settings;
}

function rangeOf(at: NodeAddress | { file: string; range: Range }, locatorOf: (f: string) => Locator | null): Range | undefined {
  if ('range' in at) return at.range;
  return locatorOf(at.file)?.range(at.doc, at.path, at.part);
}

function locateFix(fix: DraftFix, locatorOf: (f: string) => Locator | null): Fix {
  return {
    title: fix.title,
    preferred: fix.preferred,
    creates: fix.creates,
    edits: fix.edits.map((e) => {
      const range = rangeOf(e.at, locatorOf) ?? zeroRange();
      const at = e.insert === 'after' ? { start: range.end, end: range.end } : e.insert === 'before' ? { start: range.start, end: range.start } : range;
      return { file: e.at.file, range: at, newText: e.newText };
    }),
  };
}

/** The document a draft is in: named by its address, or found from its line. */
function docOf(draft: DraftDiagnostic, record: FileRecord): number | undefined {
  if ('doc' in draft.at) return draft.at.doc;
  const line = draft.at.range.start.line;
  let doc: number | undefined;
  for (const d of record.parsed?.docs ?? []) if (d.startLine <= line) doc = d.index;
  return doc;
}

function zeroRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function internalError(file: string, e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return { file, range: zeroRange(), severity: 'error', code: 'yaml-syntax', message: `internal error while checking this file (please report it): ${message}` };
}
