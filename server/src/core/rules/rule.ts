// What a rule is: a stable id, a default severity, a one-line description (for SARIF and the
// docs), the kinds of entity it looks at, and a check that reports drafts through a context.

import type { DraftDiagnostic, RuleId } from '../diagnostic';
import type { Severity, TargetKind } from '../model';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';

/** How a result depends on "now": on the instant, or on the day only. */
export type NowDependence = 'instant' | 'day';

export interface RuleContext {
  ws: Workspace;
  /**
   * "Now" in ms since the epoch: `--now`, or the current time. Reading it marks the entity's
   * diagnostics as depending on the time of the check, so that a cached result is not reused
   * at another time (`tam validate --cache`).
   */
  readonly now: number;
  /**
   * The same instant, for a rule that decides itself whether its result depends on it and
   * says so with `dependsOnNow` (an incident whose clocks have all stopped does not).
   */
  readonly nowUntracked: number;
  /** `day`: the result depends on today's date in the workspace's zone only (a forecast). */
  dependsOnNow(scope?: NowDependence): void;
  report(diagnostic: DraftDiagnostic): void;
}

export interface Rule {
  id: RuleId;
  defaultSeverity: Severity;
  description: string;
  /** The entity kinds `check` is called for. Rules without one are reported by the parser. */
  kinds?: readonly TargetKind[];
  check?(entity: Entity, ctx: RuleContext): void;
}
