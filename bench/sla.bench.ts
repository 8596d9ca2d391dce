// Benchmark of the SLA engine: the clocks of 100 000 synthetic incidents, the size of a large
// provider's multi-year history. Timelines are realistic (acknowledgement, work, pauses waiting
// for the customer, resolution, closure; some still open) and seeded, so runs are comparable.
// Run: node --import tsx bench/sla.bench.ts [COUNT]

import { WorkingTime } from '../server/src/core/calendar/working-time';
import type { CalendarDoc, IncidentDoc, Priority, SlaPolicyDoc, TimelineEntry } from '../server/src/core/model';
import { computeClocks, type IncidentClocks } from '../server/src/core/sla/clocks';
import { buildSlaReport, type SlaRow } from '../server/src/core/sla/report';
import { prng } from './generate';

const COUNT = Number(process.argv[2] ?? 100_000);
const MINUTE = 60_000;

const random = prng(20261103);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const calendars: CalendarDoc[] = [
  {
    kind: 'calendar',
    id: 'msk-business',
    timezone: 'Europe/Moscow',
    working_hours: [{ days: [...weekdays], from: '09:00', to: '18:00' }],
    holidays: ['2025-01-01', '2025-01-02', '2025-01-07', '2025-05-01', '2025-11-04', '2026-01-01', '2026-01-02', '2026-05-01', '2026-11-04'],
  },
  { kind: 'calendar', id: '24x7', timezone: 'Europe/Moscow' },
  {
    kind: 'calendar',
    id: 'support-shifts',
    timezone: 'Europe/Moscow',
    working_hours: [
      { days: [...weekdays], from: '08:00', to: '13:00' },
      { days: [...weekdays], from: '14:00', to: '22:00' },
      { days: ['sat', 'sun'], from: '10:00', to: '18:00' },
    ],
  },
  {
    kind: 'calendar',
    id: 'berlin-business',
    timezone: 'Europe/Berlin',
    working_hours: [{ days: [...weekdays], from: '08:00', to: '17:00' }],
    holidays: ['2025-12-25', '2025-12-26', '2026-12-25', '2026-12-26'],
  },
];
const policies: SlaPolicyDoc[] = calendars.map((c) => ({
  kind: 'sla-policy',
  id: `policy-${c.id}`,
  calendar: c.id,
  targets: {
    P1: { response: '15m', resolution: '4h' },
    P2: { response: '30m', resolution: '8h' },
    P3: { response: '2h', resolution: '24h' },
    P4: { response: '4h', resolution: '72h' },
  },
}));

const priorities: Priority[] = ['P1', 'P2', 'P3', 'P4'];
const start = Date.parse('2025-01-01T00:00:00Z');
const now = Date.parse('2026-12-31T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function incident(i: number): { doc: IncidentDoc; policy: number } {
  let t = start + between(0, 729 * 24 * 60) * MINUTE;
  const opened = iso(t);
  const timeline: TimelineEntry[] = [];
  const step = (lo: number, hi: number, status: TimelineEntry['status']) => {
    t += between(lo, hi) * MINUTE;
    timeline.push({ at: iso(t), status });
  };
  step(1, 240, 'acknowledged');
  step(0, 120, 'in_progress');
  for (let pauses = between(0, 2); pauses > 0; pauses--) {
    step(10, 600, 'waiting_for_customer');
    step(30, 4000, 'in_progress');
  }
  const open = random() < 0.05;
  if (!open) {
    step(10, 3000, 'resolved');
    if (random() < 0.05) {
      step(60, 2000, 'in_progress'); // reopened
      step(10, 600, 'resolved');
    }
    step(60, 4000, 'closed');
  }
  return {
    doc: { kind: 'incident', id: `INC-${i}`, project: 'p', title: 't', priority: priorities[between(0, 3)]!, opened, timeline },
    policy: between(0, policies.length - 1),
  };
}

const incidents = Array.from({ length: COUNT }, (_, i) => incident(i));

function run(label: string): IncidentClocks[] {
  const times = calendars.map((c) => new WorkingTime(c));
  const began = performance.now();
  let breached = 0;
  const all: IncidentClocks[] = [];
  for (const { doc, policy } of incidents) {
    const clocks = computeClocks(doc, policies[policy]!, times[policy]!, now);
    if (clocks.resolution.state === 'breached') breached++;
    all.push(clocks);
  }
  const ms = performance.now() - began;
  console.log(
    `sla clocks (${label}): ${COUNT} incidents in ${ms.toFixed(0)} ms, ${((ms * 1000) / COUNT).toFixed(2)} µs/incident (${breached} resolution breaches)`,
  );
  return all;
}

run('cold calendars');
const clocks = run('cold calendars, warm JIT');

const rows: SlaRow[] = incidents.map(({ doc }, i) => ({
  id: doc.id,
  project: doc.project,
  priority: doc.priority,
  opened: Date.parse(doc.opened),
  openedText: doc.opened,
  clocks: clocks[i]!,
  title: doc.title,
}));
const reportBegan = performance.now();
const report = buildSlaReport(rows, { by: 'month', timezone: 'Europe/Moscow' });
console.log(
  `sla report by month: ${COUNT} incidents, ${report.groups.length} groups in ${(performance.now() - reportBegan).toFixed(0)} ms`,
);
