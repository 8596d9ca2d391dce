// A seeded generator of large workspaces in the spec's format, for benchmarks and soak tests:
// the organisation of the sample workspace, then N incidents (one file each, realistic
// timelines with pauses and reopens), M chains, and one very long chain file.

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GenerateOptions {
  incidents: number;
  chains: number;
  /** Tasks of the one long chain file (about 7 lines each). */
  longChainTasks: number;
  seed?: number;
  /**
   * A third of the incident files carry a finding: an unknown department, an unknown person in
   * the timeline, or a resolved P1 without its postmortem (the cost of each diagnostic shows).
   */
  withDiagnostics?: boolean;
  /**
   * This many more postmortems, each naming an incident that is not there (last year's number):
   * every one an unknown reference whose did-you-mean looks among all the incident ids.
   */
  goneIncidents?: number;
}

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same workspace. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = ['network', 'vmware', 'hyperv', 'backup', 'microsoft', 'monitoring', 'unix', 'dba', 'cdc', 'external-dc', 'design', 'architecture', 'software-dev', 'infra-ops', 'service-eng', 'support'];
const CAUSES = ['hardware', 'software', 'network', 'configuration', 'human_error', 'capacity', 'external_provider', 'customer_side'];
const TITLES = ['Packet loss on uplink', 'VM unresponsive', 'Backup job failed', 'Database replication lag', 'Disk full on app server', 'Certificate expired', 'DDoS probe detected', 'Storage latency spike'];

export function generateWorkspace(dir: string, options: GenerateOptions): { files: number } {
  const random = prng(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let files = 0;
  const write = (rel: string, text: string): void => {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    files++;
  };
  write('tam.yaml', 'kind: workspace\nname: Bench provider\ntimezone: Europe/Moscow\ndefault_sla_policy: standard\n');
  write(
    'org/calendars.yaml',
    'kind: calendar\nid: msk\ntimezone: Europe/Moscow\nworking_hours:\n  - { days: [mon, tue, wed, thu, fri], from: "09:00", to: "18:00" }\nholidays: [2026-01-01, 2026-01-02, 2026-05-01, 2026-06-12, 2026-11-04]\n---\nkind: calendar\nid: always\ntimezone: Europe/Moscow\n',
  );
  write('org/departments.yaml', DEPARTMENTS.map((d) => `kind: department\nid: ${d}\nname: ${d.toUpperCase()}\ncalendar: msk\nlead: lead-${d}\n`).join('---\n'));
  write(
    'org/people.yaml',
    [
      ...DEPARTMENTS.map((d) => `kind: person\nid: lead-${d}\nname: Lead of ${d}\ndepartment: ${d}\nroles: [engineer]\n`),
      ...Array.from({ length: 10 }, (_, i) => `kind: person\nid: tam${i}\nname: TAM ${i}\nroles: [tam, engineer]\ntam_share: 0.3\n`),
    ].join('---\n'),
  );
  write(
    'org/sla-policies.yaml',
    ['standard:msk', 'premium:always']
      .map((p) => {
        const [id, cal] = p.split(':');
        return `kind: sla-policy\nid: ${id}\ncalendar: ${cal}\ntargets:\n  P1: { response: 15m, resolution: 4h }\n  P2: { response: 30m, resolution: 8h }\n  P3: { response: 2h, resolution: 24h }\n  P4: { response: 4h, resolution: 40h }\npause_on: [waiting_for_customer]\npostmortem: { required_for: [P1], within: 48h }\n`;
      })
      .join('---\n'),
  );
  const projects = Array.from({ length: 20 }, (_, i) => `customer-${i}`);
  for (const [i, p] of projects.entries()) {
    write(`projects/${p}/project.yaml`, `kind: project\nid: ${p}\nname: Customer ${i}\nclient: Customer ${i} LLC\ntam: tam${i % 10}\nsla_policy: ${i % 3 === 0 ? 'premium' : 'standard'}\ndepartments: [network, vmware, unix]\n`);
  }
  const start = Date.parse('2026-01-05T09:00:00Z');
  const postmortems: { id: string; project: string; published: number }[] = [];
  for (let n = 0; n < options.incidents; n++) {
    const project = pick(projects);
    const id = `INC-2026-${String(n + 1).padStart(5, '0')}`;
    const opened = start + Math.floor(random() * 320 * 86_400_000);
    const fault = options.withDiagnostics && n % 3 === 0 ? (n / 3) % 3 : -1;
    const priority = fault === 2 ? 'P1' : pick(['P1', 'P2', 'P3', 'P3', 'P4', 'P4']);
    let t = opened;
    const step = (minutes: number) => (t += Math.floor(minutes * 60_000 * (0.5 + random())));
    const entries: string[] = [];
    const entry = (status: string, note: string) => entries.push(`  - at: ${iso(t)}\n    status: ${status}\n    by: ${fault === 1 && entries.length === 1 ? 'tam-nobody' : `tam${Math.floor(random() * 10)}`}\n    note: "${note}"\n`);
    step(20);
    entry('acknowledged', 'Taken by the duty engineer');
    step(30);
    entry('in_progress', 'Investigating');
    if (random() < 0.3) {
      step(60);
      entry('waiting_for_customer', 'Asked the customer for a maintenance window');
      step(600);
      entry('in_progress', 'Window agreed');
    }
    // Older incidents are resolved; the last few days' may still be open, as in real life.
    const recent = opened > Date.parse('2026-11-21T00:00:00Z');
    if (!recent || random() < 0.5) {
      step(240);
      entry('resolved', 'Service restored');
      if (random() < 0.05) {
        step(120);
        entry('in_progress', 'Reopened: the problem came back');
        step(120);
        entry('resolved', 'Fixed for good');
      }
      const resolvedAt = t;
      step(60);
      entry('closed', 'Confirmed by the customer');
      if (priority === 'P1' && random() < 0.9 && fault !== 2) postmortems.push({ id, project, published: resolvedAt + 86_400_000 });
    }
    const pm = postmortems.length && postmortems[postmortems.length - 1]!.id === id ? `postmortem: pm-${id.toLowerCase()}\n` : '';
    write(
      `projects/${project}/incidents/${id}.yaml`,
      `kind: incident\nid: ${id}\nproject: ${project}\ntitle: ${pick(TITLES)}\npriority: ${priority}\nopened: ${iso(opened)}\ndepartment: ${fault === 0 ? 'netwrk' : pick(DEPARTMENTS)}\ncause:\n  category: ${pick(CAUSES)}\n  description: Found during the investigation\n${pm}timeline:\n${entries.join('')}`,
    );
  }
  for (const pm of postmortems) {
    write(
      `projects/${pm.project}/postmortems/pm-${pm.id.toLowerCase()}.yaml`,
      `kind: postmortem\nid: pm-${pm.id.toLowerCase()}\nincident: ${pm.id}\nsummary: Service was degraded and restored\nroot_cause: A failed component\npublished: ${iso(pm.published)}\naction_items:\n  - id: a1\n    title: Add monitoring for the failed component\n    owner: tam0\n    due: 2026-12-15\n    status: open\n`,
    );
  }
  for (let c = 0; c < options.chains; c++) {
    const project = pick(projects);
    const tasks: string[] = [];
    const count = 5 + Math.floor(random() * 8);
    for (let k = 0; k < count; k++) {
      const deps = k === 0 ? '' : `\n    depends_on: [t${Math.floor(random() * k)}]`;
      tasks.push(`  - id: t${k}\n    title: Step ${k}\n    department: ${pick(DEPARTMENTS)}\n    status: ${k < count / 3 ? 'done' : 'todo'}\n    estimate: ${1 + Math.floor(random() * 4)}d${deps}${k < count / 3 ? '\n    started: 2026-10-01\n    finished: 2026-10-02' : ''}\n`);
    }
    write(`projects/${project}/chains/chain-${c}.yaml`, `kind: chain\nid: chain-${c}\nproject: ${project}\ntitle: Chain ${c}\ndeadline: 2027-03-01\ntasks:\n${tasks.join('')}`);
  }
  write('projects/customer-0/chains/big.yaml', longChain(options.longChainTasks, random));
  for (let g = 0; g < (options.goneIncidents ?? 0); g++) {
    const id = `INC-2025-${String(((g * 7) % options.incidents) + 1).padStart(5, '0')}`;
    write(
      `projects/customer-0/postmortems/pm-gone-${g}.yaml`,
      `kind: postmortem\nid: pm-gone-${g}\nincident: ${id}\nsummary: Written for an incident whose file is gone\nroot_cause: A failed component\naction_items: []\n`,
    );
  }
  return { files };
}

/** One chain with many tasks: the "2 000-line file" of the benchmarks. */
export function longChain(tasks: number, random: () => number = prng(7)): string {
  const out = ['kind: chain', 'id: big', 'project: customer-0', 'title: Data-center migration', 'deadline: 2027-12-31', 'tasks:'];
  for (let k = 0; k < tasks; k++) {
    out.push(`  - id: task-${k}`, `    title: Migration step ${k}`, `    department: ${DEPARTMENTS[k % DEPARTMENTS.length]}`, `    status: todo`, `    estimate: ${1 + Math.floor(random() * 3)}d`);
    if (k > 0) out.push(`    depends_on: [task-${Math.max(0, k - 1 - Math.floor(random() * 3))}]`);
    out.push(`    assignee: tam${k % 10}`);
  }
  return out.join('\n') + '\n';
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node --import tsx bench/generate.ts DIR [incidents] [chains] [long-chain-tasks] [--diagnostics]');
    process.exit(2);
  }
  const args = process.argv.slice(3);
  const [incidents = 10_000, chains = 200, longTasks = 290] = args.filter((a) => !a.startsWith('--')).map(Number);
  const { files } = generateWorkspace(dir, { incidents, chains, longChainTasks: longTasks, withDiagnostics: args.includes('--diagnostics') });
  console.log(`wrote ${files} files to ${dir}`);
}
