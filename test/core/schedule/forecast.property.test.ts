// Properties of the schedule that hold for any chains, checked on random ones: acyclic
// dependencies always give a forecast that respects finish-to-start, and cyclic ones are
// reported as cycles (naming exactly the tasks that lie on one) without ever looping.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findCycles, forecastChains } from '../../../server/src/core/schedule/forecast';
import { DayCalendar, DEFAULT_WORKDAY_CALENDAR } from '../../../server/src/core/calendar/days';
import type { ChainDoc, TaskDoc, TaskStatus } from '../../../server/src/core/model';

const CALENDARS: Record<string, DayCalendar> = {
  network: new DayCalendar(DEFAULT_WORKDAY_CALENDAR),
  vmware: new DayCalendar({ ...DEFAULT_WORKDAY_CALENDAR, id: 'vmware', holidays: ['2026-11-04', '2026-11-05', '2026-11-16'] }),
  noc: new DayCalendar({ kind: 'calendar', id: 'noc', timezone: 'UTC' }), // 24×7
  support: new DayCalendar({
    kind: 'calendar',
    id: 'support',
    timezone: 'UTC',
    working_hours: [
      { days: ['tue', 'thu'], from: '10:00', to: '14:00' },
      { days: ['sat'], from: '09:00', to: '18:00' },
    ],
  }),
};
const DEPARTMENTS = Object.keys(CALENDARS);
const STATUSES: TaskStatus[] = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'];
const TODAY = '2026-11-10';
const date = fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2026, 9, 20 + d)).toISOString().slice(0, 10));

interface RawTask {
  deps: number[];
  status: TaskStatus;
  department: string;
  estimate?: string;
  start?: string;
  started?: string;
  finished?: string;
  due?: string;
}

const rawTask = (maxDep: number) =>
  fc.record(
    {
      deps: fc.uniqueArray(fc.nat({ max: Math.max(0, maxDep) }), { maxLength: 3 }),
      status: fc.constantFrom(...STATUSES),
      department: fc.constantFrom(...DEPARTMENTS),
      estimate: fc.constantFrom('1d', '3d', '4h', '12h', '2d4h', '0d', '20h'),
      start: date,
      started: date,
      finished: date,
      due: date,
    },
    { requiredKeys: ['deps', 'status', 'department'] },
  );

/**
 * Tasks spread over `chainCount` chains (task i lives in chain i % chainCount), so that some
 * dependencies cross chains. With `acyclic`, a task depends only on tasks before it.
 */
function chainsOf(raw: RawTask[], chainCount: number, acyclic: boolean): ChainDoc[] {
  const chains: ChainDoc[] = Array.from({ length: chainCount }, (_, c) => ({ kind: 'chain', id: `c${c}`, project: 'p', title: `Chain ${c}`, tasks: [] }));
  raw.forEach((t, i) => {
    const deps = t.deps.map((d) => d % raw.length).filter((d) => !acyclic || d < i);
    const task: TaskDoc = {
      id: `t${i}`,
      title: `Task ${i}`,
      department: t.department,
      status: t.status,
      depends_on: deps.map((d) => (d % chainCount === i % chainCount ? `t${d}` : `c${d % chainCount}/t${d}`)),
    };
    for (const field of ['estimate', 'start', 'started', 'finished', 'due'] as const) if (t[field] !== undefined) task[field] = t[field];
    chains[i % chainCount]!.tasks.push(task);
  });
  return chains;
}

const graphs = (acyclic: boolean) =>
  fc.integer({ min: 1, max: 25 }).chain((n) =>
    fc.record({ tasks: fc.array(rawTask(n - 1), { minLength: n, maxLength: n }), chainCount: fc.integer({ min: 1, max: 4 }) }).map(({ tasks, chainCount }) => chainsOf(tasks, chainCount, acyclic)),
  );

function keyed(chains: ChainDoc[]): Map<string, { chain: string; task: TaskDoc }> {
  const out = new Map<string, { chain: string; task: TaskDoc }>();
  for (const chain of chains) for (const task of chain.tasks) out.set(`${chain.id}/${task.id}`, { chain: chain.id, task });
  return out;
}

function depKeys(chain: string, task: TaskDoc): string[] {
  return (task.depends_on ?? []).map((d) => (d.includes('/') ? d : `${chain}/${d}`));
}

describe('forecast properties', () => {
  it('random DAGs: never throws; every task finishes on or after it starts, and after its predecessors', () => {
    fc.assert(
      fc.property(graphs(true), (chains) => {
        const result = forecastChains({ chains, calendarOf: (d) => CALENDARS[d]!, now: TODAY });
        assert.deepEqual(result.cycles, []);
        const all = keyed(chains);
        const finishOf = new Map<string, string | undefined>();
        for (const chain of result.chains) for (const t of chain.tasks.values()) finishOf.set(t.key, t.finish);
        // The predecessors that hold a task up: cancelled ones are looked through.
        const holding = (key: string): string[] => {
          const { chain, task } = all.get(key)!;
          return depKeys(chain, task).flatMap((d) => (all.get(d)!.task.status === 'cancelled' ? holding(d) : [d]));
        };
        for (const chain of result.chains) {
          let latest: string | undefined;
          for (const t of chain.tasks.values()) {
            assert.equal(t.start === undefined, t.status === 'cancelled');
            if (!t.start || !t.finish) continue;
            assert.ok(t.start <= t.finish, `${t.key}: ${t.start} > ${t.finish}`);
            assert.ok(t.slackDays >= 0);
            if (!latest || t.finish > latest) latest = t.finish;
            // Spec §5: every task that is not done, started or not, waits for its predecessors.
            if (t.basis === 'forecast' || t.basis === 'in_progress') {
              assert.ok(t.start >= TODAY, `${t.key} starts before today`);
              for (const p of holding(t.key)) assert.ok(t.start > finishOf.get(p)!, `${t.key} starts ${t.start}, before ${p} finishes ${finishOf.get(p)}`);
            }
            if (t.basis !== 'actual') assert.ok(t.finish >= TODAY, `${t.key} is not done but finishes before today`);
          }
          assert.equal(chain.forecastFinish, latest);
          // The critical path ends on the chain's finish and each step waits for the one before.
          if (chain.criticalPath.length) {
            assert.equal(chain.tasks.get(chain.criticalPath.at(-1)!)!.finish, chain.forecastFinish);
            for (let i = 1; i < chain.criticalPath.length; i++) {
              assert.ok(holding(`${chain.id}/${chain.criticalPath[i]}`).includes(`${chain.id}/${chain.criticalPath[i - 1]}`));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('random graphs with cycles: the cycles are reported, name exactly the tasks on one, and the forecast returns', () => {
    fc.assert(
      fc.property(graphs(false), (chains) => {
        const all = keyed(chains);
        const cycles = findCycles(chains);
        // Brute force: a task is on a cycle when it can reach itself through depends_on.
        const onCycle = new Set<string>();
        for (const key of all.keys()) {
          const seen = new Set<string>();
          const stack = depKeys(all.get(key)!.chain, all.get(key)!.task);
          while (stack.length) {
            const k = stack.pop()!;
            if (k === key) {
              onCycle.add(key);
              break;
            }
            if (seen.has(k) || !all.has(k)) continue;
            seen.add(k);
            stack.push(...depKeys(all.get(k)!.chain, all.get(k)!.task));
          }
        }
        assert.deepEqual(new Set(cycles.flat()), onCycle);
        for (const cycle of cycles) {
          assert.equal(new Set(cycle).size, cycle.length, 'a cycle names each task once');
          cycle.forEach((key, i) => {
            const next = cycle[(i + 1) % cycle.length]!;
            assert.ok(depKeys(all.get(key)!.chain, all.get(key)!.task).includes(next), `${key} does not depend on ${next}`);
          });
        }
        const result = forecastChains({ chains, calendarOf: (d) => CALENDARS[d]!, now: TODAY });
        assert.deepEqual(result.cycles, cycles);
        for (const chain of result.chains) {
          const inCycle = [...onCycle].some((k) => k.startsWith(`${chain.id}/`));
          assert.equal(chain.cycle !== undefined, inCycle);
          if (inCycle) assert.equal(chain.forecastFinish, undefined);
        }
      }),
      { numRuns: 300 },
    );
  });
});
