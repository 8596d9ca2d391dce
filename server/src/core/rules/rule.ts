// What a rule is: a stable id, a default severity, a one-line description (for SARIF and the
// docs), the kinds of entity it looks at, and a check that reports drafts through a context.

import type { DraftDiagnostic, RuleId } from '../diagnostic';
import type { Severity, TargetKind } from '../model';
import type { Entity } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';

export interface RuleContext {
  ws: Workspace;
  /** "Now" in ms since the epoch: `--now`, or the current time. */
  now: number;
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
