// Time passing, in the analysis thread's project: every five minutes the server re-checks what
// the time alone can change (running clocks, review dates; on a new day the forecasts), not the
// whole workspace. Driven in-process: the interval is too long for a test to wait for.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, test } from 'node:test';
import { check } from '../../server/src/core/check';
import type { NowDependence } from '../../server/src/core/rules/rule';
import { Project } from '../../server/src/lsp/project';
import type { Settings } from '../../server/src/lsp/settings';
import { NOW, tempCopy } from './client';

const DAY = 86_400_000;
const dir = tempCopy();
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('every five minutes, what depends on the time is checked again; on a new day the forecasts too', async () => {
  let settings: Settings = { debounceMs: 0, now: Date.parse(NOW) };
  let ended!: () => void;
  const loaded = new Promise<void>((resolve) => (ended = resolve));
  const project = new Project(dir, () => settings, {
    publish: () => {},
    progress: (kind) => kind === 'end' && ended(),
    indexed: () => {},
    log: () => {},
  });
  await project.load();
  await loaded;

  // What the core says depends on the time, file by file.
  const dependence = new Map<string, NowDependence>();
  check(project.ws, { now: settings.now!, nowDependent: dependence });
  const instant = [...dependence].filter(([, d]) => d === 'instant').map(([f]) => f).sort();
  const day = [...dependence].filter(([, d]) => d === 'day').map(([f]) => f).sort();
  assert.ok(day.includes('projects/acme/chains/landscape.yaml'), 'a forecast depends on the day');
  assert.ok(day.includes('projects/acme/project.yaml'), 'review dates depend on the day in the workspace zone');
  assert.ok(!instant.includes('projects/acme/incidents/INC-1.yaml'), 'a resolved incident does not depend on the time');
  assert.ok(![...dependence.keys()].some((f) => f.startsWith('org/')));

  // Five minutes later, the same day: the instant ones only.
  settings = { ...settings, now: settings.now! + 5 * 60_000 };
  assert.deepEqual(project.recheckTimeDependent(), instant);
  // The next day: the forecasts as well.
  settings = { ...settings, now: settings.now! + DAY };
  assert.deepEqual(project.recheckTimeDependent(), [...instant, ...day].sort());
  project.dispose();
});
