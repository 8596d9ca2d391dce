// missing-sla-policy: an incident to which no SLA policy applies — none on the incident, none
// on its project, and no `default_sla_policy` in tam.yaml — has no clocks at all, so its
// response and resolution times would silently go unwatched.

import type { Rule } from './rule';

export const missingSlaPolicy: Rule = {
  id: 'missing-sla-policy',
  defaultSeverity: 'warning',
  description: 'No SLA policy applies to an incident (none on it, on its project, or as the workspace default), so its clocks cannot be computed.',
  kinds: ['incident'],
  check(entity, ctx) {
    if (entity.value.sla_policy !== undefined) return; // named: unknown-reference reports a wrong name
    const project = ctx.ws.get('project', entity.value.project);
    if (!project || project.value.sla_policy !== undefined) return;
    if (ctx.ws.config.doc?.default_sla_policy !== undefined) return;
    ctx.report({
      code: 'missing-sla-policy',
      at: { file: entity.file, doc: entity.doc, path: ['priority'] },
      message: `no SLA policy applies to this incident: set "sla_policy" on it or on project "${project.id}", or "default_sla_policy" in tam.yaml`,
      related: [{ at: { file: project.file, doc: project.doc, path: ['id'] }, message: 'the project, without sla_policy' }],
    });
  },
};
