// The analysis thread: every workspace root's index, the checking of edits, and the answers
// to requests that need the index. It talks to the main thread in the messages of
// protocol.ts; a request handler that throws costs that request only.

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { findWorkspaceRoot } from '../core/workspace/root';
import { isYamlFile } from '../core/workspace/host';
import { ROOT_FILE } from '../core/workspace/workspace';
import { TextModel } from '../service/text-model';
import { onCodeAction } from './code-actions';
import { onCodeLens } from './code-lenses';
import { onCompletion } from './completion';
import { RequestFailure, type DocumentContext, type FeatureContext } from './context';
import { onDefinition } from './definition';
import { onDocumentLink } from './document-links';
import { onDocumentSymbol } from './document-symbols';
import { onExecuteCommand } from './execute-command';
import { onHover } from './hover';
import { onInlayHint } from './inlay-hints';
import { Project } from './project';
import { STATS_REQUEST, type ClientFeatures, type FromWorker, type ToWorker } from './protocol';
import { onStats } from './stats';
import { onReferences } from './references';
import { onPrepareRename, onRename } from './rename';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { TAM_HANDLERS } from './tam-requests';
import { onWorkspaceSymbol } from './workspace-symbols';
import { memoryPace } from '../runtime/memory';

type Handler = (ctx: FeatureContext, params: any) => unknown;

export const HANDLERS: Record<string, Handler> = {
  ...TAM_HANDLERS,
  'textDocument/completion': onCompletion,
  'textDocument/hover': onHover,
  'textDocument/definition': onDefinition,
  'textDocument/references': onReferences,
  'textDocument/prepareRename': onPrepareRename,
  'textDocument/rename': onRename,
  'textDocument/documentSymbol': onDocumentSymbol,
  'workspace/symbol': onWorkspaceSymbol,
  'textDocument/codeAction': onCodeAction,
  'textDocument/codeLens': onCodeLens,
  'textDocument/inlayHint': onInlayHint,
  'textDocument/documentLink': onDocumentLink,
  'workspace/executeCommand': onExecuteCommand,
  [STATS_REQUEST]: onStats,
};

/** Clocks move: without a fixed "now", diagnostics are recomputed this often. */
const RECHECK_EVERY_MS = 5 * 60_000;

interface LooseDocument {
  version: number;
  model: TextModel;
}

export class Analysis implements FeatureContext {
  private current: Settings = DEFAULT_SETTINGS;
  client: ClientFeatures = { snippets: false, createFiles: false, documentChanges: false, hierarchicalSymbols: true };
  private readonly roots = new Map<string, Project>();
  private folders: string[] = [];
  /** Folders known to have no tam.yaml above them (until one is created). */
  private readonly rootless = new Set<string>();
  /** Every open document by URI, whether or not it belongs to a root. */
  private readonly docs = new Map<string, LooseDocument>();
  /** Keeps the thread's memory near what the index holds while it reads a big workspace. */
  private readonly pace = memoryPace();

  constructor(private readonly post: (m: FromWorker) => void) {
    setInterval(() => {
      // Clocks run and days pass: what depends on the time is checked again (the rest cannot change).
      if (this.current.now === undefined) for (const p of this.roots.values()) if (p.isLoaded) p.recheckTimeDependent();
    }, RECHECK_EVERY_MS).unref();
  }

  handle(m: ToWorker): void {
    try {
      switch (m.type) {
        case 'init':
          this.current = m.settings;
          this.client = m.client;
          this.folders = m.roots.map((r) => path.resolve(r));
          for (const folder of this.folders) {
            const root = findWorkspaceRoot(folder);
            if (root) this.addRoot(root);
          }
          break;
        case 'roots':
          for (const r of m.remove) {
            const folder = path.resolve(r);
            this.folders = this.folders.filter((f) => f !== folder);
            for (const [root, project] of this.roots) {
              if (isInside(root, folder) && !this.folders.some((f) => isInside(root, f) || isInside(f, root))) {
                project.dispose();
                this.roots.delete(root);
              }
            }
          }
          for (const r of m.add) {
            const folder = path.resolve(r);
            this.folders.push(folder);
            const root = findWorkspaceRoot(folder);
            if (root) this.addRoot(root);
          }
          break;
        case 'open':
        case 'change':
          this.setDocument(m.uri, m.version, m.text);
          break;
        case 'close': {
          this.docs.delete(m.uri);
          const loc = this.locate(m.uri, false);
          loc?.project.close(loc.file);
          break;
        }
        case 'watched':
          for (const c of m.changes) this.watched(c.uri, c.type);
          break;
        case 'settings': {
          const before = JSON.stringify([this.current.now, this.current.rules]);
          this.current = m.settings;
          if (JSON.stringify([m.settings.now, m.settings.rules]) !== before) for (const p of this.roots.values()) p.recheckAll();
          break;
        }
        case 'request':
          this.request(m.id, m.method, m.params);
          break;
      }
    } catch (e) {
      this.log('error', `${m.type}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  // FeatureContext ---------------------------------------------------------------------

  document(uri: string): DocumentContext | undefined {
    const loc = this.locate(uri, false);
    const open = loc?.project.open.get(loc.file)?.model ?? this.docs.get(uri)?.model;
    const model = open ?? (loc ? loc.project.modelOf(loc.file) : undefined);
    if (!model) return undefined;
    return loc ? { model, project: loc.project, file: loc.file } : { model };
  }

  projects(): Iterable<Project> {
    return this.roots.values();
  }

  now(): number {
    return this.current.now ?? Date.now();
  }

  settings(): Settings {
    return this.current;
  }

  // -------------------------------------------------------------------------------------

  private request(id: number, method: string, params: unknown): void {
    const handler = HANDLERS[method];
    if (!handler) {
      this.post({ type: 'response', id, error: `unknown method ${method}` });
      return;
    }
    try {
      this.post({ type: 'response', id, result: handler(this, params) ?? null });
    } catch (e) {
      if (!(e instanceof RequestFailure)) this.log('error', `${method}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      this.post({ type: 'response', id, error: e instanceof Error ? e.message : String(e), failure: e instanceof RequestFailure });
    }
  }

  private setDocument(uri: string, version: number, text: string): void {
    const known = this.docs.get(uri);
    this.docs.set(uri, { version, model: known && known.model.text === text ? known.model : new TextModel(uri, text, version) });
    const loc = this.locate(uri, true);
    if (loc && loc.project.accepts(loc.file)) loc.project.setOpen(loc.file, uri, version, text);
  }

  private watched(uri: string, type: 1 | 2 | 3): void {
    const p = pathOf(uri);
    if (!p) return;
    if (path.basename(p) === ROOT_FILE) {
      const dir = path.dirname(p);
      this.rootless.clear();
      if (type === 1 && !this.roots.has(dir) && this.folders.some((f) => isInside(dir, f))) {
        this.addRoot(dir);
        return;
      }
      if (type === 3 && this.roots.has(dir)) {
        this.roots.get(dir)!.dispose();
        this.roots.delete(dir);
        return;
      }
    }
    const loc = this.locate(uri, false);
    if (!loc) return;
    if (isYamlFile(p)) loc.project.fileChanged(loc.file, type);
    else if (type === 3) loc.project.folderDeleted(loc.file);
    else if (type === 1) loc.project.folderCreated(loc.file);
  }

  private addRoot(root: string): Project {
    const existing = this.roots.get(root);
    if (existing) return existing;
    const name = path.basename(root);
    const project = new Project(root, () => this.current, {
      publish: (uri, version, diagnostics) => this.post({ type: 'diagnostics', uri, version, diagnostics }),
      progress: (kind, message, percentage) => this.post({ type: 'progress', root, kind, message: message && `${name}: ${message}`, percentage }),
      indexed: (files, entities, ms) => this.post({ type: 'indexed', root, files, entities, ms: Math.round(ms) }),
      log: (level, message) => this.log(level, `[${name}] ${message}`),
      pace: this.pace,
    });
    this.roots.set(root, project);
    // Documents opened before the root was known belong to it now.
    for (const [uri, doc] of this.docs) {
      const loc = this.locate(uri, false);
      if (loc?.project === project && project.accepts(loc.file)) project.open.set(loc.file, { uri, version: doc.version, model: new TextModel(loc.file, doc.model.text, doc.version) });
    }
    void project.load().catch((e) => this.log('error', `[${name}] loading failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
    return project;
  }

  /** The root a URI belongs to and its path there; with `discover`, a root above it is opened. */
  private locate(uri: string, discover: boolean): { project: Project; file: string } | undefined {
    const p = pathOf(uri);
    if (!p) return undefined;
    let best: Project | undefined;
    for (const [root, project] of this.roots) {
      if (isInside(p, root) && (!best || root.length > best.root.length)) best = project;
    }
    if (!best && discover && !this.rootless.has(path.dirname(p))) {
      const root = findWorkspaceRoot(path.dirname(p));
      if (root) best = this.addRoot(root);
      else this.rootless.add(path.dirname(p));
    }
    if (!best) return undefined;
    return { project: best, file: path.relative(best.root, p).split(path.sep).join('/') };
  }

  private log(level: 'error' | 'warn' | 'info' | 'log', message: string): void {
    this.post({ type: 'log', level, message });
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

function isInside(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Entry of the analysis thread. */
export function startWorker(): void {
  const port = parentPort;
  if (!port) return;
  // Anything printed here would end up in the LSP stream: route it to the log.
  const toLog = (level: 'error' | 'warn' | 'info' | 'log') => (...args: unknown[]) => port.postMessage({ type: 'log', level, message: args.map(String).join(' ') } satisfies FromWorker);
  console.log = toLog('log');
  console.info = toLog('info');
  console.warn = toLog('warn');
  console.error = toLog('error');
  const analysis = new Analysis((m) => port.postMessage(m));
  port.on('message', (m: ToWorker) => analysis.handle(m));
  process.on('uncaughtException', (e) => toLog('error')(`uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => toLog('error')(`unhandled: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
}
