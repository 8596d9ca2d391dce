// The server's settings, from `initializationOptions` and the client's `tam` configuration
// section: rule severities on top of tam.yaml (as `tam validate` would apply them), how long
// to wait after a keystroke, a fixed "now" for reproducible diagnostics (tests, demos), who the
// user is (`me`, a person id), and which inlay hints to show.

import type { RuleSetting } from '../core/model';
import { parseTimestamp } from '../core/time/timestamp';
import { ALL_HINTS, type HintFamilies } from '../service/inlay-hints/words';

export interface Settings {
  /** ms after the last edit of a file before it is re-indexed and re-checked. */
  debounceMs: number;
  /** A fixed "now" (ms since the epoch); the current time when absent. */
  now?: number;
  rules?: Record<string, RuleSetting>;
  /** Log how long each re-read and check of an edited file took (for benchmarks). */
  timings?: boolean;
  /** `tam.me`: the user's person id, for what the editor writes in their name (`by:` of a timeline entry). */
  me?: string;
  /** `tam.inlayHints.*`: which families of inlay hints to show; all when absent. */
  inlayHints?: HintFamilies;
}

export const DEFAULT_SETTINGS: Settings = { debounceMs: 60 };

/** Reads settings leniently: anything malformed is ignored, never fatal. */
export function readSettings(base: Settings, raw: unknown): Settings {
  const out: Settings = { ...base };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs <= 5000) out.debounceMs = r.debounceMs;
  if (typeof r.now === 'string') {
    const ms = parseTimestamp(r.now);
    if (ms !== undefined) out.now = ms;
  } else if (typeof r.now === 'number' && Number.isFinite(r.now)) {
    out.now = r.now;
  } else if (r.now === null) {
    delete out.now;
  }
  if (typeof r.timings === 'boolean') out.timings = r.timings;
  if (typeof r.me === 'string') {
    // An id or nothing: what is written into files in the user's name must be one.
    if (/^[a-z0-9][a-z0-9._-]*$/.test(r.me.trim())) out.me = r.me.trim();
    else delete out.me;
  } else if (r.me === null) {
    delete out.me;
  }
  if (r.inlayHints && typeof r.inlayHints === 'object' && !Array.isArray(r.inlayHints)) {
    const given = r.inlayHints as Record<string, unknown>;
    const families = { ...(out.inlayHints ?? ALL_HINTS) };
    for (const family of Object.keys(ALL_HINTS) as (keyof typeof ALL_HINTS)[]) {
      if (typeof given[family] === 'boolean') families[family] = given[family] as boolean;
    }
    out.inlayHints = families;
  }
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    const rules: Record<string, RuleSetting> = {};
    for (const [id, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (v === 'error' || v === 'warning' || v === 'info' || v === 'off') rules[id] = v;
    }
    out.rules = rules;
  }
  return out;
}
