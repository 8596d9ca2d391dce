// The YAML of new entities, for the "TAM: New …" commands: what the schema requires, the
// conventional optional fields, and comments saying what to fill in. Pure functions of the
// answers the user gave, so tests can read the text; user text is quoted whenever YAML would
// read it as something else.

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;

/** Why an id cannot be used, or undefined when it can. */
export function idProblem(id: string, taken: Iterable<string> = []): string | undefined {
  if (!id) return 'An id is required.';
  if (!ID_PATTERN.test(id)) return 'Use lower-case letters, digits, ".", "_" and "-", starting with a letter or digit.';
  for (const t of taken) if (t === id) return `"${id}" is already used.`;
  return undefined;
}

/** "Kedr Market e-commerce" → "kedr-market-e-commerce". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

const PLAIN = /^[A-Za-z\p{L}][\p{L}\p{N} ,.()/_+&'-]*$/u;
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/** A scalar that reads back as the same string: plain when it is safe, else double-quoted. */
export function yamlString(text: string): string {
  const t = text.replace(/[\r\n]+/g, ' ').trim();
  if (t && PLAIN.test(t) && !RESERVED.test(t) && !/ #|: |-$/.test(t)) return t;
  return JSON.stringify(t);
}

export interface ProjectAnswers {
  id: string;
  name: string;
  client: string;
  tam: string;
  departments: string[];
  slaPolicy?: string;
}

export function projectYaml(a: ProjectAnswers): string {
  const lines = [
    `# ${a.client.replace(/[\r\n]+/g, ' ')}: what the customer runs with us, and what matters to them.`,
    'kind: project',
    `id: ${a.id}`,
    `name: ${yamlString(a.name)}`,
    `client: ${yamlString(a.client)}`,
    `tam: ${a.tam}`,
  ];
  if (a.slaPolicy) lines.push(`sla_policy: ${a.slaPolicy}`);
  lines.push(a.departments.length ? `departments: [${a.departments.join(', ')}]` : 'departments: []');
  lines.push('contacts:', '  - name: Customer contact', '    role: technical', '    email: someone@example.com', 'docs: []');
  return lines.join('\n') + '\n';
}

export interface ChainAnswers {
  id: string;
  project: string;
  title: string;
  /** YYYY-MM-DD */
  requested: string;
  deadline?: string;
  /** The department of the first task. */
  department: string;
}

export function chainYaml(a: ChainAnswers): string {
  const lines = [
    'kind: chain',
    `id: ${a.id}`,
    `project: ${a.project}`,
    `title: ${yamlString(a.title)}`,
    `requested: ${a.requested}`,
  ];
  if (a.deadline) lines.push(`deadline: ${a.deadline}`);
  lines.push(
    'description: >',
    '  What the customer asked for, in their words, and why.',
    'tasks:',
    '  - id: first-task',
    '    title: First task',
    `    department: ${a.department}`,
    '    status: todo',
    '    estimate: 1d',
    '  # - id: next-task',
    '  #   title: A task that waits for the first one',
    `  #   department: ${a.department}`,
    '  #   status: todo',
    '  #   estimate: 2d',
    '  #   depends_on: [first-task]',
  );
  return lines.join('\n') + '\n';
}

export interface IncidentAnswers {
  id: string;
  project: string;
  title: string;
  priority: (typeof PRIORITIES)[number];
  /** A timestamp with an offset. */
  opened: string;
  department?: string;
  by?: string;
}

export function incidentYaml(a: IncidentAnswers): string {
  const lines = [
    'kind: incident',
    `id: ${a.id}`,
    `project: ${a.project}`,
    `title: ${yamlString(a.title)}`,
    `priority: ${a.priority}`,
    `opened: ${a.opened}`,
  ];
  if (a.department) lines.push(`department: ${a.department}`);
  lines.push(
    '# cause:',
    '#   category: software',
    '#   description: What broke, once known.',
    'timeline:',
    `  - at: ${a.opened}`,
    '    status: acknowledged',
  );
  if (a.by) lines.push(`    by: ${a.by}`);
  lines.push('    note: Incident registered.');
  return lines.join('\n') + '\n';
}

export interface PostmortemAnswers {
  id: string;
  incident: string;
  /** The incident's title, for the summary's first words. */
  incidentTitle?: string;
  /** When the incident was opened, to start the timeline. */
  opened?: string;
  owner?: string;
  /** YYYY-MM-DD */
  due: string;
}

export function postmortemYaml(a: PostmortemAnswers): string {
  const lines = [
    'kind: postmortem',
    `id: ${a.id}`,
    `incident: ${a.incident}`,
    'summary: >',
    `  ${a.incidentTitle ? a.incidentTitle.replace(/[\r\n]+/g, ' ') + ': ' : ''}what happened, for whom, and for how long.`,
    'root_cause: >',
    '  Why it happened: the cause behind the cause.',
    'impact: >',
    '  Who was affected and how.',
    '# published: set when the report goes to the customer',
  ];
  if (a.opened) lines.push('timeline:', `  - at: ${a.opened}`, '    note: First sign of the problem.');
  lines.push(
    'action_items:',
    '  - id: a1',
    '    title: What will stop it from happening again',
  );
  if (a.owner) lines.push(`    owner: ${a.owner}`);
  lines.push(`    due: ${a.due}`, '    status: open');
  return lines.join('\n') + '\n';
}

/** "INC-2026-0326" → "pm-2026-0326"; other ids get a "pm-" prefix. */
export function postmortemIdFor(incidentId: string): string {
  const m = /^INC-(.+)$/i.exec(incidentId);
  return `pm-${(m ? m[1]! : incidentId).toLowerCase()}`;
}
