// Every rule of spec §6, in one list: the checker runs them, SARIF and the docs describe them.

import type { RuleId } from '../diagnostic';
import { deadlineAtRisk } from './deadline-at-risk';
import { dependencyCycle } from './dependency-cycle';
import { dependencyNotDone } from './dependency-not-done';
import { dueBeforeForecast } from './due-before-forecast';
import { missingPostmortem } from './missing-postmortem';
import { missingSlaPolicy } from './missing-sla-policy';
import { slaAtRisk } from './sla-at-risk';
import { slaBreach } from './sla-breach';
import { duplicateId } from './duplicate-id';
import type { Rule } from './rule';
import { staleDoc } from './stale-doc';
import { timelineOrder } from './timeline-order';
import { unknownReference } from './unknown-reference';

/** Rules reported while reading a file rather than by a check of their own. */
const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file cannot be read as YAML: a syntax error, a merge conflict, binary or non-UTF-8 content, or a file too large or too deeply nested.',
};
const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: "A document does not match the JSON Schema of its kind: a missing or unknown field, or a value of the wrong form.",
};
const unusedSuppression: Rule = {
  id: 'unused-suppression',
  defaultSeverity: 'warning',
  description: 'A tam-disable comment silences nothing: the rule reports nothing there, or the rule id is unknown.',
};

export const RULES: readonly Rule[] = [
  yamlSyntax,
  schema,
  duplicateId,
  unknownReference,
  dependencyCycle,
  timelineOrder,
  slaBreach,
  slaAtRisk,
  missingPostmortem,
  missingSlaPolicy,
  staleDoc,
  deadlineAtRisk,
  dependencyNotDone,
  dueBeforeForecast,
  unusedSuppression,
];

export const RULES_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r]));
