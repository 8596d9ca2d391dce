// Completion: keys from the kind's schema (with snippets for whatever a new entity, a task or
// a timeline entry requires), enum values, and ids from the index wherever a field holds a
// reference — in block values, list items and flow sequences alike, while the line is still
// half typed.

import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { KINDS, type Kind, type Path, type TargetKind } from '../core/model';
import { plainText } from '../core/text/shown';
import type { Entity } from '../core/workspace/entities';
import type { Workspace } from '../core/workspace/workspace';
import { cursorContext, type CursorContext } from './cursor';
import { entityDetail, KIND_TITLES } from './describe';
import { branch, deref, enumAt, formatOf, propertiesAt, referenceKindAt, schemaAt, schemaRoot, type Schema } from './schema-at';
import type { TextModel } from './text-model';
import { localDate, minuteStamp } from '../core/time/zone';
import { zoneOf } from './timestamps';
import { rootScalar, toValue, type TreeNode } from './yaml-tree';
import { byId } from '../core/text/order';

export interface CompleteOptions {
  now: number;
  /** The client inserts snippets (tab stops, choices). */
  snippets: boolean;
  /** The character that triggered the request, if any. */
  triggerCharacter?: string;
}

/** Past this many candidates the list is filtered by what is typed and marked incomplete. */
const MAX_ITEMS = 500;

const KIND_DESCRIPTIONS: Record<Kind, string> = {
  workspace: 'The workspace root (tam.yaml)',
  department: 'An engineering department',
  person: 'A person: TAM, engineer, service manager or architect',
  calendar: 'Working hours and holidays',
  'sla-policy': 'Response and resolution targets',
  project: 'A customer project',
  chain: 'A request broken into department tasks',
  incident: 'An incident with its timeline',
  postmortem: 'A post-incident report',
  proposal: 'An improvement or a risk for the customer',
};

export function complete(model: TextModel, position: Position, ws: Workspace | undefined, options: CompleteOptions): CompletionList {
  const ctx = cursorContext(model, position);
  if (!ctx) return empty();
  // A space triggers completion only where a value starts (`key: |`, `- |`, `[a, |`).
  if (options.triggerCharacter === ' ' && (ctx.mode === 'key' || ctx.prefix !== '')) return empty();
  const c = new Completer(model, ctx, ws, options);
  return c.run();
}

function empty(): CompletionList {
  return { isIncomplete: false, items: [] };
}

class Completer {
  private readonly items: CompletionItem[] = [];
  private incomplete = false;
  private readonly range: Range;
  private tabStop = 1;

  constructor(
    model: TextModel,
    private readonly ctx: CursorContext,
    private readonly ws: Workspace | undefined,
    private readonly options: CompleteOptions,
  ) {
    this.range = ctx.needsSpace ? model.range(ctx.start, ctx.start) : model.range(ctx.start, ctx.end);
  }

  run(): CompletionList {
    const { ctx } = this;
    const kind = ctx.kind;
    if (ctx.mode === 'key') {
      if (ctx.path.length === 0 && !ctx.existingKeys.includes('kind')) this.kindKey(ctx.existingKeys.length === 0);
      if (kind) this.keys(kind, ctx.path, ctx.existingKeys);
    } else if (ctx.mode === 'value' && ctx.path.length === 1 && ctx.path[0] === 'kind') {
      for (const k of KINDS) this.push({ label: k, kind: CompletionItemKind.EnumMember, detail: KIND_DESCRIPTIONS[k] }, k);
    } else if (kind) {
      const s = schemaAt(kind, ctx.path);
      if (ctx.mode === 'item') {
        const seq = schemaAt(kind, ctx.path.slice(0, -1));
        if (seq) this.newItems(kind, ctx.path, true);
      } else if (ctx.mode === 'value-or-key' && s && branch(schemaRoot(kind), s, 'object') && !branch(schemaRoot(kind), s, 'string')) {
        // `- |` in a list of maps, or a word under `cause:`: the first key of a new map.
        this.keys(kind, ctx.path, []);
        if (typeof ctx.path[ctx.path.length - 1] === 'number') this.newItems(kind, ctx.path, false);
      } else if (ctx.mode === 'value-or-key' && s && branch(schemaRoot(kind), s, 'array')) {
        // A word on its own line under `tasks:`: a new item.
        this.newItems(kind, [...ctx.path, 0], true);
      } else if (s) {
        this.values(kind, ctx.path, s);
      }
    }
    return { isIncomplete: this.incomplete, items: this.items };
  }

  // -------------------------------------------------------------------------------------
  // Keys

  private kindKey(emptyDocument: boolean): void {
    this.push(
      { label: 'kind', kind: CompletionItemKind.Property, detail: 'Kind', documentation: md('The type of this document: ' + KINDS.join(', ') + '.'), sortText: '0kind' },
      this.ctx.hasColon ? 'kind' : this.snippet(`kind: ${this.choice([...KINDS])}`, 'kind: '),
    );
    if (!emptyDocument || this.ctx.inFlow || this.ctx.hasColon) return;
    // A new entity: `kind` and every required field, ready to fill in.
    for (const k of KINDS) {
      this.tabStop = 1;
      const body = this.requiredFields(k, [], 0, new Set(['kind']));
      const text = [`kind: ${k}`, ...body].join('\n');
      this.push({ label: `new ${k}`, kind: CompletionItemKind.Snippet, detail: `${KIND_TITLES[k]}: required fields`, documentation: md('```yaml\n' + plain(text) + '\n```'), sortText: `1${k}`, filterText: `${this.ctx.prefix}new ${k}` }, this.snippet(text, plain(text)));
    }
  }

  private keys(kind: Kind, path: Path, existing: string[]): void {
    const indent = this.ctx.indent;
    for (const p of propertiesAt(kind, path)) {
      if (existing.includes(p.name)) continue;
      const s = p.schema;
      const item: CompletionItem = {
        label: p.name,
        kind: CompletionItemKind.Property,
        detail: s.title,
        documentation: s.description ? md(s.description) : undefined,
        sortText: `${p.required ? '0' : '1'}${p.name}`,
      };
      if (this.ctx.hasColon) {
        this.push(item, p.name);
        continue;
      }
      this.tabStop = 1;
      const value = this.valueSnippet(kind, [...path, p.name], s, indent);
      this.push(item, this.snippet(`${p.name}:${value}`, `${p.name}:${plainValue(value)}`));
    }
  }

  /** What follows `key:` in a key's snippet: ` $1`, a choice, or a nested block. */
  private valueSnippet(kind: Kind, path: Path, s: Schema, indent: number): string {
    const root = schemaRoot(kind);
    const pad = ' '.repeat(indent);
    const values = enumAt(kind, s);
    if (values.length === 1 && s.const !== undefined) return ` ${values[0]!.value}`;
    if (values.length) return ` ${this.choice(values.map((v) => v.value))}`;
    const arr = branch(root, s, 'array');
    const obj = branch(root, s, 'object');
    if (arr && !branch(root, s, 'string')) {
      const items = arr.items ? deref(root, arr.items) : {};
      if (branch(root, items, 'object') && !this.ctx.inFlow) {
        const fields = this.requiredFields(kind, [...path, 0], indent + 4, new Set());
        if (!fields.length) return `\n${pad}  - ${this.stop()}`;
        return `\n${pad}  - ${fields[0]!.trimStart()}${fields.slice(1).map((l) => '\n' + l).join('')}`;
      }
      return ` [${this.stop()}]`;
    }
    if (obj && !this.ctx.inFlow) {
      const fields = this.requiredFields(kind, path, indent + 2, new Set());
      return fields.length ? '\n' + fields.join('\n') : `\n${pad}  ${this.stop()}`;
    }
    return ` ${this.defaultValue(s)}`;
  }

  /** Lines `key: …` for every required field of the map at `path`, indented. */
  private requiredFields(kind: Kind, path: Path, indent: number, skip: Set<string>, extra: string[] = []): string[] {
    const pad = ' '.repeat(indent);
    const lines: string[] = [];
    for (const p of propertiesAt(kind, path)) {
      if (skip.has(p.name) || (!p.required && !extra.includes(p.name))) continue;
      lines.push(`${pad}${p.name}:${this.valueSnippet(kind, [...path, p.name], p.schema, indent)}`);
    }
    return lines;
  }

  private defaultValue(s: Schema): string {
    const format = formatOf(s);
    const zone = zoneOf(this.ws, this.ctx.kind, toValue(this.ctx.tree.root));
    if (format === 'timestamp') return this.stop(minuteStamp(zone, this.options.now));
    if (format === 'date') return this.stop(localDate(zone, this.options.now));
    if (format === 'estimate-duration') return this.stop('1d');
    return this.stop();
  }

  // -------------------------------------------------------------------------------------
  // New list items: a whole task, a timeline entry stamped now, an action item…

  private newItems(kind: Kind, itemPath: Path, withDash: boolean): void {
    const root = schemaRoot(kind);
    const s = schemaAt(kind, itemPath);
    if (!s) return;
    const dash = withDash ? '- ' : '';
    const indent = this.ctx.indent + (withDash ? 2 : 0);
    const field = itemPath[itemPath.length - 2];
    if (!branch(root, s, 'object')) {
      // A list of values: each value as a new item.
      if (withDash) {
        const before = this.items.length;
        this.values(kind, itemPath, s);
        for (const item of this.items.slice(before)) wrap(item, dash, '');
      } else this.values(kind, itemPath, s);
      return;
    }
    this.tabStop = 1;
    let label = `new ${String(field ?? 'item').replace(/s$/, '')}`;
    let lines: string[];
    if (kind === 'chain' && field === 'tasks') {
      label = 'new task';
      lines = this.requiredFields(kind, itemPath, indent, new Set(), ['estimate', 'depends_on']);
    } else if ((kind === 'incident' || kind === 'postmortem') && field === 'timeline') {
      const zone = zoneOf(this.ws, this.ctx.kind, toValue(this.ctx.tree.root));
      label = `timeline entry at ${minuteStamp(zone, this.options.now)}`;
      lines = this.requiredFields(kind, itemPath, indent, new Set(), kind === 'incident' ? ['by', 'note'] : []);
    } else {
      lines = this.requiredFields(kind, itemPath, indent, new Set());
    }
    if (!lines.length) return;
    const text = dash + lines[0]!.trimStart() + lines.slice(1).map((l) => '\n' + l).join('');
    const s2 = s.title ? `${s.title}: required fields` : undefined;
    this.push(
      { label, kind: CompletionItemKind.Snippet, detail: s2, documentation: md('```yaml\n' + plain(text) + '\n```'), sortText: `0${label}`, filterText: this.ctx.prefix + label },
      this.snippet(text, plain(text)),
    );
  }

  // -------------------------------------------------------------------------------------
  // Values

  private values(kind: Kind, path: Path, s: Schema): void {
    const root = schemaRoot(kind);
    const arr = branch(root, s, 'array');
    if (arr && !branch(root, s, 'string')) {
      // `depends_on: |`: offer the items, written as a one-item flow list.
      const items = arr.items ? deref(root, arr.items) : undefined;
      if (!items) return;
      const before = this.items.length;
      this.values(kind, [...path, 0], items);
      for (const item of this.items.slice(before)) wrap(item, '[', ']');
      return;
    }
    const refKind = referenceKindAt(kind, path);
    if (refKind) {
      this.references(kind, path, refKind);
      return;
    }
    for (const v of enumAt(kind, s)) {
      this.push({ label: v.value, kind: CompletionItemKind.EnumMember, detail: s.title, documentation: v.description ? md(v.description) : undefined }, v.value);
    }
    if (s.type === 'boolean') for (const b of ['true', 'false']) this.push({ label: b, kind: CompletionItemKind.Value }, b);
    const format = formatOf(s);
    const zone = zoneOf(this.ws, this.ctx.kind, toValue(this.ctx.tree.root));
    if (format === 'timestamp') {
      const stamp = minuteStamp(zone, this.options.now);
      this.push({ label: stamp, kind: CompletionItemKind.Value, detail: `now (${zone})`, sortText: '0' }, stamp);
    } else if (format === 'date') {
      const d = localDate(zone, this.options.now);
      this.push({ label: d, kind: CompletionItemKind.Value, detail: `today (${zone})`, sortText: '0' }, d);
    } else if (path[path.length - 1] === 'timezone') {
      for (const z of timeZones(this.ctx.prefix)) this.push({ label: z, kind: CompletionItemKind.Value }, z);
    }
  }

  private references(kind: Kind, path: Path, target: TargetKind): void {
    const ws = this.ws;
    if (!ws) return;
    const candidates: { id: string; entity?: Entity; sort: string }[] = [];
    if (target === 'task') {
      this.taskCandidates(kind, path, candidates);
    } else {
      for (const e of ws.entities(target)) candidates.push({ id: e.id, entity: e, sort: e.id });
    }
    const prefix = this.ctx.prefix.toLowerCase();
    let list = candidates;
    if (list.length > MAX_ITEMS) {
      list = list.filter((c) => c.id.toLowerCase().includes(prefix) || (c.entity && entityDetail(c.entity).toLowerCase().includes(prefix)));
      if (list.length > MAX_ITEMS) list = list.sort(byId).slice(0, MAX_ITEMS);
      this.incomplete = true;
    }
    for (const c of list) {
      const detail = c.entity ? plainText(entityDetail(c.entity)) : undefined;
      const item: CompletionItem = { label: c.id, kind: CompletionItemKind.Reference, detail, sortText: c.sort };
      if (detail) item.labelDetails = { description: detail };
      // Let typing a department's name find its id.
      if (c.entity && typeof c.entity.value?.name === 'string') item.filterText = `${c.id} ${c.entity.value.name}`;
      if (item.filterText && this.ctx.prefix && !item.filterText.toLowerCase().startsWith(prefix)) item.filterText = `${c.id}`;
      this.push(item, c.id);
    }
  }

  /** Tasks of this chain by id, then tasks of other chains as chain/task. */
  private taskCandidates(kind: Kind, path: Path, out: { id: string; entity?: Entity; sort: string }[]): void {
    const ws = this.ws!;
    if (kind !== 'chain') return;
    const chainId = rootScalar(this.ctx.tree, 'id')?.value;
    const tasks = rootTasks(this.ctx.tree.root);
    const taskIndex = typeof path[1] === 'number' ? path[1] : -1;
    const selfId = taskIndex >= 0 ? tasks[taskIndex] : undefined;
    const dependsOn = this.ctx.tree.root?.type === 'map' ? toValue(this.ctx.tree.root) : undefined;
    const listed = new Set<string>();
    const deps = (dependsOn as any)?.tasks?.[taskIndex]?.depends_on;
    if (Array.isArray(deps)) deps.forEach((d: unknown, i: number) => i !== path[3] && typeof d === 'string' && listed.add(d));
    const seen = new Set<string>();
    // The text is newer than the index: take this chain's task ids from it.
    tasks.forEach((id) => {
      if (!id || id === selfId || listed.has(id) || seen.has(id)) return;
      seen.add(id);
      const entity = chainId ? ws.get('task', `${chainId}/${id}`) : undefined;
      out.push({ id, entity, sort: `0${id}` });
    });
    if (!this.ctx.prefix.includes('/') && out.length + [...ws.ids('task')].length > MAX_ITEMS) {
      // Too many tasks elsewhere to list: offer the chains; after "chain-id/" come its tasks.
      for (const c of ws.entities('chain')) if (c.id !== chainId) out.push({ id: `${c.id}/`, entity: c, sort: `2${c.id}` });
      return;
    }
    for (const e of ws.entities('task')) {
      if (chainId && e.id.startsWith(chainId + '/')) continue;
      if (listed.has(e.id)) continue;
      out.push({ id: e.id, entity: e, sort: `1${e.id}` });
    }
  }

  // -------------------------------------------------------------------------------------

  private push(item: CompletionItem, text: string | { snippet: string; plain: string }): void {
    const snippet = typeof text === 'string' ? undefined : text.snippet;
    let newText = typeof text === 'string' ? escapeValue(text, this.ctx.quoted) : this.options.snippets ? text.snippet : text.plain;
    if (this.ctx.needsSpace) newText = ' ' + newText;
    item.textEdit = { range: this.range, newText };
    if (snippet && this.options.snippets) item.insertTextFormat = InsertTextFormat.Snippet;
    if (newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
    if (item.filterText === undefined && this.ctx.needsSpace) item.filterText = item.label;
    this.items.push(item);
  }

  private snippet(snippet: string, plainText: string): { snippet: string; plain: string } {
    return { snippet, plain: plainText };
  }

  private stop(placeholder?: string): string {
    const n = this.tabStop++;
    return placeholder ? `\${${n}:${escapeSnippet(placeholder)}}` : `\$${n}`;
  }

  private choice(values: string[]): string {
    return `\${${this.tabStop++}|${values.map((v) => v.replace(/([,|\\])/g, '\\$1')).join(',')}|}`;
  }
}

/** Puts text around an item's insertion, after the space it may start with. */
function wrap(item: CompletionItem, before: string, after: string): void {
  const edit = item.textEdit;
  if (!edit || !('newText' in edit)) return;
  const space = edit.newText.startsWith(' ') ? ' ' : '';
  edit.newText = space + before + edit.newText.slice(space.length) + after;
}

/** The ids of the chain's tasks, by position, as the text has them now. */
function rootTasks(root: TreeNode | null): (string | undefined)[] {
  if (root?.type !== 'map') return [];
  const tasks = root.pairs.find((p) => p.key === 'tasks')?.value;
  if (tasks?.type !== 'seq') return [];
  return tasks.items.map((it) => {
    if (it.node?.type !== 'map') return undefined;
    const id = it.node.pairs.find((p) => p.key === 'id')?.value;
    return id?.type === 'scalar' && !id.value.includes('\uE000') ? id.value : undefined;
  });
}

let zones: string[] | undefined;
function timeZones(prefix: string): string[] {
  zones ??= typeof (Intl as any).supportedValuesOf === 'function' ? ((Intl as any).supportedValuesOf('timeZone') as string[]) : ['UTC', 'Europe/Moscow'];
  if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  const p = prefix.toLowerCase();
  const list = zones.filter((z) => z.toLowerCase().includes(p));
  return list.slice(0, MAX_ITEMS);
}

function md(value: string): { kind: typeof MarkupKind.Markdown; value: string } {
  return { kind: MarkupKind.Markdown, value };
}

/** A snippet with its tab stops and choices resolved to their first value (for clients without snippets). */
function plain(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
}

function plainValue(value: string): string {
  return plain(value);
}

function escapeSnippet(text: string): string {
  return text.replace(/([$}\\])/g, '\\$1');
}

/** A value as it may stand in YAML: quoted when plain YAML would read it otherwise. */
function escapeValue(text: string, quoted: boolean): string {
  if (quoted) return text.replace(/(["\\])/g, '\\$1');
  return text;
}
