// unknown-reference: a field names an entity that does not exist. Suggests the closest id
// (or a department by its alias) and offers it as a fix.

import { closest } from '../text/suggest';
import type { TargetKind } from '../model';
import { referenceTargetsOf } from '../workspace/entities';
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
          const guess = didYouMean(ctx, 'chain', chainId, () => closest(chainId, ctx.ws.ids('chain')));
          message = `depends on task "${ref.raw}", but there is no chain "${chainId}"`;
          if (guess) {
            message += `; did you mean "${guess}/${taskId}"?`;
            suggestion = `${guess}/${taskId}`;
          }
        } else {
          const guess = didYouMean(ctx, 'task', ref.id, () => {
            const tasks = [...ctx.ws.ids('task')].filter((t) => t.startsWith(chainId + '/')).map((t) => t.slice(chainId.length + 1));
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
        suggestion = didYouMean(ctx, kind, ref.id, () => (kind === 'department' ? departmentByAlias(ctx, ref.id) : undefined) ?? closest(ref.id, ctx.ws.ids(kind)));
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
 * thousands of incidents is looked up once, not compared with every id each time.
 */
function didYouMean(ctx: Context, kind: TargetKind, word: string, compute: () => string | undefined): string | undefined {
  const known = ctx.ws.memo(`did-you-mean:${kind}`, [kind], () => new Map<string, string | undefined>());
  if (known.has(word)) return known.get(word);
  const guess = compute();
  known.set(word, guess);
  return guess;
}

function departmentByAlias(ctx: Context, text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const d of ctx.ws.entities('department')) {
    const aliases: unknown = d.value.aliases;
    if (Array.isArray(aliases) && aliases.some((a) => typeof a === 'string' && a.toLowerCase() === lower)) return d.id;
    if (typeof d.value.name === 'string' && d.value.name.toLowerCase() === lower) return d.id;
  }
  return undefined;
}
