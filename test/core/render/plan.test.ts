// `tam plan` (spec §7): the text a TAM reads in the morning, and the JSON whose shape the spec
// fixes for scripts.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { planJson, renderPlanText } from '../../../server/src/core/render/plan';
import { forecastChains } from '../../../server/src/core/schedule/forecast';
import { DayCalendar, DEFAULT_WORKDAY_CALENDAR } from '../../../server/src/core/calendar/days';
import type { ChainDoc } from '../../../server/src/core/model';

const WORKDAYS = new DayCalendar(DEFAULT_WORKDAY_CALENDAR);
const DEPARTMENTS = { network: 'Network', vmware: 'VMware virtualization', unix: 'Unix', dba: 'DBA' };

function plan(text: string, today: string) {
  const chains = parseAllDocuments(text).map((d) => d.toJS() as ChainDoc);
  return forecastChains({ chains, calendarOf: () => WORKDAYS, now: today });
}

const WORKSPACE = `
kind: chain
id: landscape
project: acme
title: New project landscape
deadline: 2026-11-24
tasks:
  - { id: vlan, title: Allocate VLAN, department: network, status: todo, estimate: 1d, due: 2026-11-20 }
  - { id: vm, title: Create VMs, department: vmware, status: todo, estimate: 2d, depends_on: [vlan] }
  - { id: os, title: Install OS, department: unix, status: todo, estimate: 1d, depends_on: [vm] }
---
kind: chain
id: db-migration
project: acme
title: DB migration
tasks:
  - { id: dump, title: Dump, department: dba, status: done, started: 2026-11-02, finished: 2026-11-03 }
  - { id: restore, title: Restore, department: dba, status: done, started: 2026-11-04, finished: 2026-11-05, depends_on: [dump] }
---
kind: chain
id: loop
project: acme
title: Loop
deadline: 2026-12-01
tasks:
  - { id: a, title: A, department: network, status: todo, depends_on: [b] }
  - { id: b, title: B, department: network, status: todo, depends_on: [a] }
---
kind: chain
id: empty
project: acme
title: Nothing yet
tasks: []
`;

describe('renderPlanText', () => {
  it('says when each chain finishes, whether late, its critical path and whose move it is', () => {
    const text = renderPlanText(plan(WORKSPACE, '2026-11-24'), { departmentNames: DEPARTMENTS, today: '2026-11-24' });
    assert.equal(
      text,
      `landscape — New project landscape
  forecast 2026-11-27, deadline 2026-11-24: late by 3 working days
  critical path: vlan → vm → os
  waiting on Network: vlan, due 11-20, 4 days overdue

db-migration — DB migration
  finished 2026-11-05, no deadline
  critical path: dump → restore

loop — Loop
  no forecast: dependency cycle loop/b → loop/a → loop/b

empty — Nothing yet
  no tasks to forecast
`,
    );
  });

  it('on time, one day overdue, a blocked task, and a due date of another year', () => {
    const text = renderPlanText(
      plan(
        `
kind: chain
id: c
project: acme
title: c
deadline: 2026-12-31
tasks:
  - { id: vlan, title: VLAN, department: network, status: todo, estimate: 1d, due: 2026-11-23 }
  - { id: os, title: OS, department: unix, status: blocked, estimate: 1d, due: 2027-01-15 }
`,
        '2026-11-24',
      ),
      { departmentNames: DEPARTMENTS, today: '2026-11-24' },
    );
    assert.equal(
      text,
      `c
  forecast 2026-11-24, deadline 2026-12-31: on time
  critical path: vlan
  waiting on Network: vlan, due 11-23, 1 day overdue
  waiting on Unix: os (blocked), due 2027-01-15
`,
    );
  });

  it('no chains', () => {
    assert.equal(renderPlanText([]), 'No chains to plan.\n');
  });
});

describe('planJson', () => {
  it('a cancelled task is listed without dates; a done one with its actual dates', () => {
    const json = planJson(
      plan(
        `
kind: chain
id: c
project: acme
title: t
tasks:
  - { id: old, title: Old, department: network, status: done, started: 2026-11-02, finished: 2026-11-03 }
  - { id: dropped, title: Dropped, department: network, status: cancelled, depends_on: [old] }
  - { id: next, title: Next, department: network, status: todo, estimate: 2d, depends_on: [dropped] }
`,
        '2026-11-24',
      ),
    );
    assert.deepEqual(json.chains[0]!.tasks, [
      { id: 'old', status: 'done', start: '2026-11-02', finish: '2026-11-03', slack: 14, critical: false },
      { id: 'dropped', status: 'cancelled', start: null, finish: null, slack: 0, critical: false },
      { id: 'next', status: 'todo', start: '2026-11-24', finish: '2026-11-25', slack: 0, critical: true },
    ]);
  });

  it('has exactly the shape of spec §7, with deadline null when absent, then additions', () => {
    const json = planJson(plan(WORKSPACE, '2026-11-24'));
    assert.deepEqual(
      json.chains.map((c) => Object.keys(c).slice(0, 5)),
      json.chains.map(() => ['id', 'deadline', 'forecastFinish', 'late', 'criticalPath']),
    );
    assert.deepEqual(
      json.chains.map(({ id, deadline, forecastFinish, late, criticalPath }) => ({ id, deadline, forecastFinish, late, criticalPath })),
      [
        { id: 'landscape', deadline: '2026-11-24', forecastFinish: '2026-11-27', late: true, criticalPath: ['vlan', 'vm', 'os'] },
        { id: 'db-migration', deadline: null, forecastFinish: '2026-11-05', late: false, criticalPath: ['dump', 'restore'] },
        { id: 'loop', deadline: '2026-12-01', forecastFinish: null, late: false, criticalPath: [] },
        { id: 'empty', deadline: null, forecastFinish: null, late: false, criticalPath: [] },
      ],
    );
    assert.deepEqual(json.chains[0]!.waitingOn, [{ task: 'vlan', department: 'network', due: '2026-11-20', daysOverdue: 4 }]);
    assert.equal(json.chains[0]!.lateByWorkingDays, 3);
    assert.deepEqual(json.chains[2]!.cycle, ['loop/a', 'loop/b']);
    // Every task of the chain, in written order, with the forecast's dates, slack and critical path.
    assert.deepEqual(json.chains[0]!.tasks, [
      { id: 'vlan', status: 'todo', start: '2026-11-24', finish: '2026-11-24', slack: 0, critical: true },
      { id: 'vm', status: 'todo', start: '2026-11-25', finish: '2026-11-26', slack: 0, critical: true },
      { id: 'os', status: 'todo', start: '2026-11-27', finish: '2026-11-27', slack: 0, critical: true },
    ]);
    assert.deepEqual(json.chains[2]!.tasks, [], 'a chain in a cycle has no task dates');
    // Plain data: it survives JSON as it is.
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json);
  });
});
