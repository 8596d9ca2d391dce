// The task schedule of spec §5, by example: a few chains in YAML, "today", and the dates a TAM
// would work out by hand with a wall calendar (November 2026: the 2nd is a Monday).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { forecastChains, findCycles, type ChainForecast } from '../../../server/src/core/schedule/forecast';
import { DayCalendar, DEFAULT_WORKDAY_CALENDAR } from '../../../server/src/core/calendar/days';
import type { CalendarDoc, ChainDoc } from '../../../server/src/core/model';

const WORKDAYS = new DayCalendar(DEFAULT_WORKDAY_CALENDAR);

function chainsOf(text: string): ChainDoc[] {
  return parseAllDocuments(text).map((doc) => doc.toJS() as ChainDoc);
}

/** Forecasts the chains written in YAML; departments not in `calendars` work Mon–Fri 09–18. */
function forecast(text: string, today: string, calendars: Record<string, Omit<CalendarDoc, 'kind' | 'timezone'>> = {}) {
  const byDept = new Map(Object.entries(calendars).map(([dept, doc]) => [dept, new DayCalendar({ kind: 'calendar', timezone: 'UTC', ...doc })]));
  return forecastChains({ chains: chainsOf(text), calendarOf: (dept) => byDept.get(dept) ?? WORKDAYS, now: today });
}

/** "id start..finish" for every task: the dates at a glance. */
function dates(chain: ChainForecast): string[] {
  return [...chain.tasks.values()].map((t) => (t.start ? `${t.id} ${t.start}..${t.finish}` : `${t.id} -`));
}

describe('forecast: durations in working days', () => {
  it('a linear chain crosses the weekend: a 1d task starts and finishes the same day', () => {
    const [chain] = forecast(
      `
kind: chain
id: landscape
project: acme
title: New project landscape
tasks:
  - { id: vlan, title: Allocate VLAN, department: network, status: todo, estimate: 1d }
  - { id: vm, title: Create VMs, department: vmware, status: todo, estimate: 2d, depends_on: [vlan] }
  - { id: os, title: Install OS, department: unix, status: todo, estimate: 1d, depends_on: [vm] }
`,
      '2026-11-05', // Thursday
    ).chains;
    assert.deepEqual(dates(chain!), ['vlan 2026-11-05..2026-11-05', 'vm 2026-11-06..2026-11-09', 'os 2026-11-10..2026-11-10']);
    assert.equal(chain!.forecastFinish, '2026-11-10');
    assert.deepEqual(chain!.criticalPath, ['vlan', 'vm', 'os']);
  });

  it('today on a weekend: work starts on Monday', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: a, title: A, department: network, status: todo, estimate: 3d }
`,
      '2026-11-07', // Saturday
    ).chains;
    assert.deepEqual(dates(chain!), ['a 2026-11-09..2026-11-11']);
  });

  it('hours fill working days of the department, and a day once started is used up', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: half, title: 4h, department: dba, status: todo, estimate: 4h }
  - { id: next-half, title: 4h after it, department: dba, status: todo, estimate: 4h, depends_on: [half] }
  - { id: twelve, title: 12h on 9-hour days, department: dba, status: todo, estimate: 12h }
  - { id: mixed, title: 2d4h, department: dba, status: todo, estimate: 2d4h }
  - { id: none, title: no estimate, department: dba, status: todo }
  - { id: short-friday, title: 13h with a 4-hour Friday, department: support, status: todo, estimate: 13h }
  - { id: past-friday, title: 14h with a 4-hour Friday, department: support, status: todo, estimate: 14h }
`,
      '2026-11-05', // Thursday
      {
        support: {
          id: 'support',
          working_hours: [
            { days: ['mon', 'tue', 'wed', 'thu'], from: '09:00', to: '18:00' },
            { days: ['fri'], from: '09:00', to: '13:00' },
          ],
        },
      },
    ).chains;
    assert.deepEqual(dates(chain!), [
      'half 2026-11-05..2026-11-05',
      'next-half 2026-11-06..2026-11-06',
      'twelve 2026-11-05..2026-11-06',
      'mixed 2026-11-05..2026-11-09',
      'none 2026-11-05..2026-11-05',
      'short-friday 2026-11-05..2026-11-06',
      'past-friday 2026-11-05..2026-11-09',
    ]);
  });

  it("a holiday in one department's calendar moves only that department's work", () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: vlan, title: VLAN, department: network, status: todo, estimate: 1d }
  - { id: vm, title: VMs, department: vmware, status: todo, estimate: 2d, depends_on: [vlan] }
  - { id: firewall, title: Firewall, department: network, status: todo, estimate: 1d, depends_on: [vlan] }
`,
      '2026-11-05',
      { vmware: { id: 'vmware-cal', working_hours: DEFAULT_WORKDAY_CALENDAR.working_hours!, holidays: ['2026-11-06'] } },
    ).chains;
    assert.deepEqual(dates(chain!), ['vlan 2026-11-05..2026-11-05', 'vm 2026-11-09..2026-11-10', 'firewall 2026-11-06..2026-11-06']);
  });

  it('a planned start holds a task back, to the next working day when it falls on a weekend', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: later, title: Later, department: network, status: todo, estimate: 1d, start: 2026-11-12 }
  - { id: saturday, title: Saturday, department: network, status: todo, estimate: 1d, start: 2026-11-07 }
  - { id: past, title: Past, department: network, status: todo, estimate: 1d, start: 2026-10-01 }
`,
      '2026-11-05',
    ).chains;
    assert.deepEqual(dates(chain!), ['later 2026-11-12..2026-11-12', 'saturday 2026-11-09..2026-11-09', 'past 2026-11-05..2026-11-05']);
  });
});

describe('forecast: actual dates', () => {
  it('done tasks keep their dates; a successor starts no earlier than today', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: vlan, title: VLAN, department: network, status: done, started: 2026-11-02, finished: 2026-11-04 }
  - { id: vm, title: VMs, department: vmware, status: done, started: 2026-11-05, finished: 2026-11-06, depends_on: [vlan] }
  - { id: os, title: OS, department: unix, status: todo, estimate: 1d, depends_on: [vm] }
`,
      '2026-11-10', // Tuesday
    ).chains;
    assert.deepEqual(dates(chain!), ['vlan 2026-11-02..2026-11-04', 'vm 2026-11-05..2026-11-06', 'os 2026-11-10..2026-11-10']);
    // vm allowed os to start on Monday; today (Tuesday) set its start instead.
    assert.deepEqual(chain!.criticalPath, ['os']);
    assert.equal(chain!.tasks.get('vm')!.basis, 'actual');
  });

  it('the critical path runs through done tasks that set the next start', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: vlan, title: VLAN, department: network, status: done, started: 2026-11-02, finished: 2026-11-04 }
  - { id: vm, title: VMs, department: vmware, status: todo, estimate: 1d, depends_on: [vlan] }
`,
      '2026-11-05',
    ).chains;
    assert.deepEqual(chain!.criticalPath, ['vlan', 'vm']);
  });

  it('a done task without finished is taken as finished on its estimate from started, else on due, never after today', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: from-started, title: A, department: network, status: done, started: 2026-11-02, estimate: 2d }
  - { id: from-due, title: B, department: network, status: done, due: 2026-11-04 }
  - { id: long, title: C, department: network, status: done, started: 2026-11-02, estimate: 10d }
  - { id: nothing, title: D, department: network, status: done }
`,
      '2026-11-10',
    ).chains;
    assert.deepEqual(dates(chain!), [
      'from-started 2026-11-02..2026-11-03',
      'from-due 2026-11-04..2026-11-04',
      'long 2026-11-02..2026-11-10',
      'nothing 2026-11-10..2026-11-10',
    ]);
  });

  it('a task in progress is not done, so it is forecast from today with its estimate as the remaining work (spec §5)', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: overrun, title: Overrun, department: vmware, status: in_progress, started: 2026-11-05, estimate: 3d }
  - { id: running, title: Running, department: vmware, status: in_progress, started: 2026-11-09, estimate: 5d }
  - { id: os, title: OS, department: unix, status: todo, estimate: 1d, depends_on: [running] }
`,
      '2026-11-10',
    ).chains;
    // Today is Tue 10th: overrun (3d) Tue–Thu, running (5d) Tue–Mon 16th, os the next working day.
    assert.deepEqual(dates(chain!), ['overrun 2026-11-10..2026-11-12', 'running 2026-11-10..2026-11-16', 'os 2026-11-17..2026-11-17']);
    assert.equal(chain!.tasks.get('running')!.basis, 'in_progress');
  });

  it('a cancelled task takes no time and does not block; its successor still waits for what it waited for', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: vlan, title: VLAN, department: network, status: todo, estimate: 2d }
  - { id: hyperv, title: Hyper-V VMs, department: hyperv, status: cancelled, estimate: 5d, depends_on: [vlan] }
  - { id: os, title: OS, department: unix, status: todo, estimate: 1d, depends_on: [hyperv] }
`,
      '2026-11-02',
    ).chains;
    assert.deepEqual(dates(chain!), ['vlan 2026-11-02..2026-11-03', 'hyperv -', 'os 2026-11-04..2026-11-04']);
    assert.deepEqual(chain!.criticalPath, ['vlan', 'os']);
    assert.equal(chain!.tasks.get('hyperv')!.basis, 'cancelled');
  });
});

describe('forecast: critical path, slack and deadline', () => {
  const parallel = `
kind: chain
id: c
project: acme
title: t
deadline: 2026-11-06
tasks:
  - { id: net, title: Network, department: network, status: todo, estimate: 1d }
  - { id: vm, title: VMs, department: vmware, status: todo, estimate: 3d, depends_on: [net] }
  - { id: backup, title: Backup, department: backup, status: todo, estimate: 1d, depends_on: [net] }
  - { id: os, title: OS, department: unix, status: todo, estimate: 1d, depends_on: [vm, backup] }
`;

  it('parallel branches: the longer one is critical, the other has slack', () => {
    const [chain] = forecast(parallel, '2026-11-02').chains;
    assert.deepEqual(dates(chain!), ['net 2026-11-02..2026-11-02', 'vm 2026-11-03..2026-11-05', 'backup 2026-11-03..2026-11-03', 'os 2026-11-06..2026-11-06']);
    assert.deepEqual(chain!.criticalPath, ['net', 'vm', 'os']);
    const slack = Object.fromEntries([...chain!.tasks.values()].map((t) => [t.id, [t.slackDays, t.critical]]));
    // backup finishes Tuesday; os starts Friday, so backup may slip two days, to Thursday.
    assert.deepEqual(slack, { net: [0, true], vm: [0, true], backup: [2, false], os: [0, true] });
  });

  it('finishing on the deadline is on time; a day later is late by working days', () => {
    const onTime = forecast(parallel, '2026-11-02').chains[0]!;
    assert.equal(onTime.forecastFinish, '2026-11-06');
    assert.equal(onTime.late, false);
    assert.equal(onTime.lateByWorkingDays, 0);

    const late = forecast(parallel, '2026-11-04').chains[0]!; // Wednesday: os lands on Tuesday the 10th
    assert.equal(late.forecastFinish, '2026-11-10');
    assert.equal(late.late, true);
    assert.equal(late.lateByWorkingDays, 2); // Monday 9th and Tuesday 10th
  });

  it('what holds a task up: the predecessor whose finish set its start, across chains too; none when today set it', () => {
    const [chain] = forecast(parallel, '2026-11-02').chains;
    const drivers = Object.fromEntries([...chain!.tasks.values()].map((t) => [t.id, t.driver ?? null]));
    // os waits for the later of vm (Thursday) and backup (Tuesday): vm.
    assert.deepEqual(drivers, { net: null, vm: 'c/net', backup: 'c/net', os: 'c/vm' });
    const across = forecast(
      `
kind: chain
id: policy
project: acme
title: t
tasks:
  - { id: write, title: W, department: backup, status: todo, estimate: 2d }
---
kind: chain
id: db
project: acme
title: t
tasks:
  - { id: early, title: E, department: dba, status: todo, estimate: 1d, start: 2026-11-20, depends_on: [policy/write] }
  - { id: migrate, title: M, department: dba, status: todo, estimate: 1d, depends_on: [policy/write] }
`,
      '2026-11-02',
    ).byId.get('db')!;
    // Its own start (the 20th) holds `early` back, not the other chain's task.
    assert.deepEqual([...across.tasks.values()].map((t) => [t.id, t.driver ?? null]), [['early', null], ['migrate', 'policy/write']]);
  });

  it('a chain without a deadline is never late', () => {
    const [chain] = forecast(parallel.replace('deadline: 2026-11-06\n', ''), '2026-11-20').chains;
    assert.equal(chain!.deadline, undefined);
    assert.equal(chain!.late, false);
  });

  it('due dates: passed, and finishing after them', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: overdue, title: A, department: network, status: todo, estimate: 1d, due: 2026-11-04 }
  - { id: tight, title: B, department: network, status: todo, estimate: 3d, due: 2026-11-06 }
  - { id: was-late, title: C, department: network, status: done, started: 2026-11-02, finished: 2026-11-04, due: 2026-11-03 }
`,
      '2026-11-05',
    ).chains;
    const flags = Object.fromEntries([...chain!.tasks.values()].map((t) => [t.id, [t.duePassed, t.finishAfterDue]]));
    assert.deepEqual(flags, { overdue: [true, true], tight: [false, true], 'was-late': [false, true] });
  });
});

describe('forecast: across chains', () => {
  it('a task waits for a task of another chain (chain-id/task-id)', () => {
    const result = forecast(
      `
kind: chain
id: backup-policy
project: acme
title: Backup policy
tasks:
  - { id: policy, title: Backup policy, department: backup, status: todo, estimate: 2d }
---
kind: chain
id: db-migration
project: acme
title: DB migration
tasks:
  - { id: migrate, title: Migrate, department: dba, status: todo, estimate: 1d, depends_on: [backup-policy/policy, ghost/task] }
`,
      '2026-11-05',
    );
    const migration = result.byId.get('db-migration')!;
    assert.deepEqual(dates(migration), ['migrate 2026-11-09..2026-11-09']);
    // The path names this chain's tasks only; the predecessor shows up as an external task.
    assert.deepEqual(migration.criticalPath, ['migrate']);
    assert.deepEqual(migration.external.get('backup-policy/policy'), {
      key: 'backup-policy/policy',
      chain: 'backup-policy',
      task: 'policy',
      title: 'Backup policy',
      department: 'backup',
      status: 'todo',
      finish: '2026-11-06',
    });
    assert.deepEqual(migration.waitingOn, []);
    assert.deepEqual(result.byId.get('backup-policy')!.waitingOn.map((w) => w.task), ['policy']);
  });
});

describe('forecast: cycles', () => {
  const cyclic = `
kind: chain
id: x
project: acme
title: X
tasks:
  - { id: a, title: A, department: network, status: todo, depends_on: [b] }
  - { id: b, title: B, department: network, status: todo, depends_on: [c] }
  - { id: c, title: C, department: network, status: todo, depends_on: [a] }
  - { id: d, title: D, department: network, status: todo }
---
kind: chain
id: y
project: acme
title: Y
tasks:
  - { id: after, title: After X, department: unix, status: todo, depends_on: [x/a] }
---
kind: chain
id: p
project: acme
title: P
tasks:
  - { id: one, title: One, department: unix, status: todo, depends_on: [q/two] }
---
kind: chain
id: q
project: acme
title: Q
tasks:
  - { id: two, title: Two, department: unix, status: todo, depends_on: [p/one] }
  - { id: self, title: Self, department: unix, status: todo, depends_on: [self] }
`;

  it('a cycle is reported, naming every task on it in order, instead of a schedule', () => {
    const result = forecast(cyclic, '2026-11-05');
    assert.deepEqual(result.cycles, [['x/a', 'x/b', 'x/c'], ['p/one', 'q/two'], ['q/self']]);
    const x = result.byId.get('x')!;
    assert.deepEqual(x.cycle, ['x/a', 'x/b', 'x/c']);
    assert.equal(x.forecastFinish, undefined);
    assert.equal(x.tasks.size, 0);
    assert.deepEqual(result.byId.get('q')!.cycle, ['p/one', 'q/two']);
  });

  it('a chain that depends on a chain in a cycle is forecast without that dependency, and says so', () => {
    const y = forecast(cyclic, '2026-11-05').byId.get('y')!;
    assert.equal(y.cycle, undefined);
    assert.deepEqual(dates(y), ['after 2026-11-05..2026-11-05']);
    assert.deepEqual(y.unscheduledPredecessors, ['x/a']);
    assert.deepEqual(y.waitingOn, [], 'x/a is not done, so y is not waiting on its own department');
  });

  it('findCycles gives the same cycles for the dependency-cycle rule', () => {
    assert.deepEqual(findCycles(chainsOf(cyclic)), [['x/a', 'x/b', 'x/c'], ['p/one', 'q/two'], ['q/self']]);
  });

  it('overlapping cycles name every task at least once', () => {
    const cycles = findCycles(
      chainsOf(`
kind: chain
id: z
project: acme
title: Z
tasks:
  - { id: a, title: A, department: n, status: todo, depends_on: [b] }
  - { id: b, title: B, department: n, status: todo, depends_on: [a, c] }
  - { id: c, title: C, department: n, status: todo, depends_on: [b] }
`),
    );
    assert.deepEqual(cycles, [
      ['z/a', 'z/b'],
      ['z/c', 'z/b'],
    ]);
  });
});

describe('forecast: who the chain is waiting on', () => {
  it('open tasks that could start now and have not, with days overdue', () => {
    const [chain] = forecast(
      `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: vlan, title: Allocate VLAN, department: network, status: todo, estimate: 1d, due: 2026-11-20 }
  - { id: vm, title: VMs, department: vmware, status: todo, estimate: 1d, depends_on: [vlan] }
  - { id: backup, title: Backup, department: backup, status: todo, estimate: 1d, start: 2026-11-30 }
  - { id: monitoring, title: Monitoring, department: monitoring, status: in_progress, started: 2026-11-23 }
  - { id: dns, title: DNS, department: network, status: done, started: 2026-11-02, finished: 2026-11-02 }
  - { id: os, title: OS, department: unix, status: blocked, depends_on: [dns] }
  - { id: dropped, title: Dropped, department: hyperv, status: cancelled, depends_on: [dns] }
  - { id: php, title: PHP, department: unix, status: todo, due: 2026-11-25, depends_on: [dropped] }
`,
      '2026-11-24',
    ).chains;
    assert.deepEqual(chain!.waitingOn, [
      { task: 'vlan', title: 'Allocate VLAN', department: 'network', status: 'todo', due: '2026-11-20', daysOverdue: 4 },
      // Ready since the day the last predecessor finished; a cancelled one stands for its own.
      { task: 'os', title: 'OS', department: 'unix', status: 'blocked', daysOverdue: 0, readySince: '2026-11-02' },
      { task: 'php', title: 'PHP', department: 'unix', status: 'todo', due: '2026-11-25', daysOverdue: 0, readySince: '2026-11-02' },
    ]);
  });
});

describe('forecast: robustness', () => {
  it('an empty chain has no forecast finish and is not late', () => {
    const [chain] = forecast('{ kind: chain, id: e, project: acme, title: E, deadline: 2026-11-01, tasks: [] }', '2026-11-05').chains;
    assert.equal(chain!.forecastFinish, undefined);
    assert.equal(chain!.late, false);
    assert.deepEqual(chain!.criticalPath, []);
  });

  it('a calendar without a working day counts as Mon–Fri instead of never finishing', () => {
    const [chain] = forecast('{ kind: chain, id: e, project: acme, title: E, tasks: [{ id: a, title: A, department: ghost, status: todo, estimate: 2d }] }', '2026-11-06', {
      ghost: { id: 'ghost', working_hours: [] },
    }).chains;
    assert.deepEqual(dates(chain!), ['a 2026-11-06..2026-11-09']);
  });

  it('200 chains of 10 tasks, and one chain of 2 000 tasks in a row, are forecast in full', () => {
    const chains: ChainDoc[] = [];
    for (let c = 0; c < 200; c++) {
      const tasks = Array.from({ length: 10 }, (_, t) => ({
        id: `t${t}`,
        title: `Task ${t}`,
        department: `d${(c + t) % 16}`,
        status: t < 2 ? ('done' as const) : ('todo' as const),
        ...(t < 2 ? { started: `2026-10-0${t + 1}`, finished: `2026-10-0${t + 2}` } : {}),
        estimate: `${1 + (t % 3)}d`,
        depends_on: t ? [`t${t - 1}`, ...(t > 3 ? [`t${t - 3}`] : []), ...(c && t === 5 ? [`c${c - 1}/t3`] : [])] : [],
      }));
      chains.push({ kind: 'chain', id: `c${c}`, project: 'acme', title: 'x', deadline: '2026-12-01', tasks });
    }
    const long: ChainDoc = {
      kind: 'chain',
      id: 'long',
      project: 'acme',
      title: 'long',
      tasks: Array.from({ length: 2000 }, (_, t) => ({ id: `t${t}`, title: 't', department: 'd', status: 'todo' as const, depends_on: t ? [`t${t - 1}`] : [] })),
    };
    // How fast is for `npm run bench`; here: both shapes are forecast in full, the long chain
    // without deep recursion (2 000 tasks in a row).
    const wide = forecastChains({ chains, calendarOf: () => WORKDAYS, now: '2026-11-02' });
    assert.equal(wide.chains.length, 200);
    assert.ok(wide.chains.every((c) => c.forecastFinish !== undefined));
    const result = forecastChains({ chains: [long], calendarOf: () => WORKDAYS, now: '2026-11-02' });
    assert.equal(result.chains[0]!.criticalPath.length, 2000);
  });

  it('rejects a "now" that is not a date', () => {
    assert.throws(() => forecastChains({ chains: [], calendarOf: () => WORKDAYS, now: '2026-11-31' }), /now must be an instant or a YYYY-MM-DD date/);
  });
});
