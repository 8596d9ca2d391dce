// Typed access to the `tam.*` settings, read fresh each time (VS Code caches them), and what of
// them the language server is told at start and on every change.

import * as vscode from 'vscode';

export type RuleSetting = 'error' | 'warning' | 'info' | 'off';

/** What the server receives as initializationOptions and in didChangeConfiguration. */
export interface ServerSettings {
  rules: Record<string, RuleSetting>;
  /** ISO 8601 with an offset, or undefined for the current time. */
  now?: string;
  /** `tam.me`: the user's person id. */
  me?: string;
  /** `tam.inlayHints.*`: which families of inlay hints the server shows. */
  inlayHints: Record<string, boolean>;
}

/** The families of `tam.inlayHints.*`, as the server reads them. */
const HINT_FAMILIES = ['tasks', 'deadline', 'estimates', 'clocks', 'timeline', 'reviews'] as const;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export class Config {
  static readonly section = 'tam';

  private get cfg(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(Config.section);
  }

  get rules(): Record<string, RuleSetting> {
    const value = this.cfg.get<Record<string, unknown>>('rules') ?? {};
    const out: Record<string, RuleSetting> = {};
    for (const [id, severity] of Object.entries(value)) {
      if (severity === 'error' || severity === 'warning' || severity === 'info' || severity === 'off') out[id] = severity;
    }
    return out;
  }

  /** `tam.now` when it is a timestamp with an offset; undefined (the current time) otherwise. */
  get now(): string | undefined {
    const value = (this.cfg.get<string>('now') ?? '').trim();
    return TIMESTAMP.test(value) ? value : undefined;
  }

  /** The raw `tam.now` when it is set but not a timestamp with an offset, to warn about it. */
  get invalidNow(): string | undefined {
    const value = (this.cfg.get<string>('now') ?? '').trim();
    return value && !TIMESTAMP.test(value) ? value : undefined;
  }

  /** `tam.me`: the user's person id, or undefined when unset. */
  get me(): string | undefined {
    const value = (this.cfg.get<string>('me') ?? '').trim();
    return value || undefined;
  }

  /** `tam.inlayHints.*`: each family on unless turned off. */
  get inlayHints(): Record<string, boolean> {
    const out: Record<string, boolean> = {};
    for (const family of HINT_FAMILIES) out[family] = this.cfg.get<boolean>(`inlayHints.${family}`) ?? true;
    return out;
  }

  get registerSchemasWithYamlExtension(): boolean {
    return this.cfg.get<boolean>('schemas.registerWithYamlExtension') ?? false;
  }

  serverSettings(): ServerSettings {
    const settings: ServerSettings = { rules: this.rules, inlayHints: this.inlayHints };
    const now = this.now;
    if (now) settings.now = now;
    const me = this.me;
    if (me) settings.me = me;
    return settings;
  }

  /** Whether a configuration change touches settings that change what the server computes. */
  static affectsServer(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration('tam.rules') || e.affectsConfiguration('tam.now') || e.affectsConfiguration('tam.me');
  }
}
