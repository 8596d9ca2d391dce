// unknown-reference: a field names an entity that does not exist. Suggests the closest id
// (or a department by its alias) and offers it as a fix.

import { closest, Suggestions } from '../text/suggest';
import type { TargetKind } from '../model';
import { referenceTargetsOf } from '../workspace/entities';
import type { Workspace } from '../workspace/workspace';
import type { Rule } from './rule';

export const unknownReference: Rule = {
  id: 'unknown-reference',
  defaultSeverity: 'error',
  description: 'A reference names a department, person, calendar, policy, project, chain, task, incident or postmortem that does not exist.',
  kinds: ['workspace', 'department', 'person', 'calendar', 'sla-policy', 'project', 'chain', 'incident', 'postmortem', 'proposal'],
  check(entity, ctx) {
    // Most documents name only what exists: found without building their references.
    if (entity.path.length === 0 && allExist(entity.value, ctx)) return;
    const record = ctx.ws.file(entity.file);
    for (const ref of record?.refs ?? []) {
      if (ref.doc !== entity.doc) continue;
      if (ctx.ws.all(ref.kind, ref.id).length) continue;
      let suggestion: string | undefined;
      let message: string;
      if (ref.kind === 'task') {
        const slash = ref.id.indexOf('/');
        const chainId = ref.id.slice(0, slash);
        const taskId = ref.id.slice(slash + 1);
        if (!ctx.ws.all('chain', chainId).length) {
          const guess = didYouMean(ctx.ws, 'chain', chainId, (ids) => ids().closest(chainId));
          message = `depends on task "${ref.raw}", but there is no chain "${chainId}"`;
          if (guess) {
            message += `; did you mean "${guess}/${taskId}"?`;
            suggestion = `${guess}/${taskId}`;
          }
        } else {
          const guess = didYouMean(ctx.ws, 'task', ref.id, () => {
            // The chain's own tasks, from the files that define it: not every task of the workspace.
            const prefix = chainId + '/';
            const tasks = new Set<string>();
            for (const chain of ctx.ws.all('chain', chainId)) {
              for (const e of ctx.ws.file(chain.file)?.entities ?? []) if (e.kind === 'task' && e.id.startsWith(prefix)) tasks.add(e.id.slice(prefix.length));
            }
            return closest(taskId, tasks);
          });
          message = `depends on task "${taskId}", which chain "${chainId}" does not have`;
          if (guess) {
            suggestion = ref.raw.includes('/') ? `${chainId}/${guess}` : guess;
            message += `; did you mean "${guess}"?`;
          }
        }
      } else {
        const kind = ref.kind;
        suggestion = suggestedId(ctx.ws, kind, ref.id);
        const none = ctx.ws.ids(kind).next().done;
        message = `unknown ${kind} "${ref.raw}"${suggestion ? `; did you mean "${suggestion}"?` : none ? ` (the workspace defines no ${kind})` : ''}`;
      }
      const at = { file: ref.file, doc: ref.doc, path: ref.path };
      ctx.report({
        code: 'unknown-reference',
        at,
        message,
        fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ at, newText: suggestion }], preferred: true }] : undefined,
      });
    }
  },
};

type Context = Parameters<NonNullable<Rule['check']>>[1];

function allExist(value: unknown, ctx: Context): boolean {
  let all = true;
  referenceTargetsOf(value, (kind, id) => {
    if (all && !ctx.ws.all(kind, id).length) all = false;
  });
  return all;
}

/**
 * The suggestion for a misspelt id, kept until an entity of its kind changes: a typo repeated in
 * thousands of incidents is looked up once, and the ids of the kind are prepared for lookups
 * once (text/suggest.ts), not compared one by one for each unknown id.
 */
function didYouMean(ws: Workspace, kind: TargetKind, word: string, compute: (ids: () => Suggestions) => string | undefined): string | undefined {
  const memo = ws.memo(`did-you-mean:${kind}`, [kind], () => ({ guesses: new Map<string, string | undefined>(), ids: undefined as Suggestions | undefined }));
  if (memo.guesses.has(word)) return memo.guesses.get(word);
  const guess = compute(() => (memo.ids ??= new Suggestions(ws.ids(kind))));
  memo.guesses.set(word, guess);
  return guess;
}

/** The id an unknown one was probably meant to be (a department also by its alias or name): the rule's and hover's. */
export function suggestedId(ws: Workspace, kind: TargetKind, id: string): string | undefined {
  return didYouMean(ws, kind, id, (ids) => (kind === 'department' ? departmentByAlias(ws, id) : undefined) ?? ids().closest(id));
}

function departmentByAlias(ws: Workspace, text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const d of ws.entities('department')) {
    const aliases: unknown = d.value.aliases;
    if (Array.isArray(aliases) && aliases.some((a) => typeof a === 'string' && a.toLowerCase() === lower)) return d.id;
    if (typeof d.value.name === 'string' && d.value.name.toLowerCase() === lower) return d.id;
  }
  return undefined;
}
