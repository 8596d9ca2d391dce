// The review as data: what `tam review --format json` is built from, compared piece by piece.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReviewMarkdown } from '../../server/src/core/render/review';
import { reviewChange } from '../../server/src/core/review/review';
import { NOW, workspaceOf } from '../helpers/workspace';

const BASE_REF = { ref: 'main', commit: '0123456789abcdef0123456789abcdef01234567' };

const NETWORK = `kind: chain
id: network
project: acme
title: Network
tasks:
  - { id: vlan, title: VLAN, department: network, status: todo, estimate: 1d }
`;
const SERVERS = `kind: chain
id: servers
project: acme
title: Servers
deadline: 2026-11-27
tasks:
  - { id: os, title: OS, department: unix, status: todo, estimate: 1d, depends_on: [network/vlan] }
`;

test('a chain whose tasks did not change is listed when a chain it waits for moves its forecast', () => {
  const before = workspaceOf({ 'projects/acme/chains/network.yaml': NETWORK, 'projects/acme/chains/servers.yaml': SERVERS });
  const after = workspaceOf({ 'projects/acme/chains/network.yaml': NETWORK.replace('estimate: 1d', 'estimate: 3d'), 'projects/acme/chains/servers.yaml': SERVERS });
  const review = reviewChange(before, after, { now: NOW, base: BASE_REF });
  const servers = review.chains.find((c) => c.id === 'servers')!;
  assert.deepEqual(servers.tasks, { added: [], removed: [], changed: [] });
  assert.deepEqual([servers.forecast.before?.forecastFinish, servers.forecast.after?.forecastFinish], ['2026-11-26', '2026-11-30']);
  assert.equal(servers.becameLate, true);
  const md = renderReviewMarkdown(review);
  assert.match(md, /#### `servers` Servers · changed\n[\s\S]*_No task of this chain changed; its forecast moved with other chains or calendars._/);
});

test('a holiday added to a calendar moves the forecasts of the chains of its departments', () => {
  const before = workspaceOf({ 'projects/acme/chains/servers.yaml': SERVERS.replace(', depends_on: [network/vlan]', '') });
  const after = workspaceOf({
    'projects/acme/chains/servers.yaml': SERVERS.replace(', depends_on: [network/vlan]', ''),
    'org/calendars.yaml': workspaceOf({}).textOf('org/calendars.yaml')!.replace('holidays: [2026-11-04]', 'holidays: [2026-11-04, 2026-11-25]'),
  });
  const review = reviewChange(before, after, { now: NOW, base: BASE_REF });
  assert.deepEqual(review.chains.map((c) => [c.id, c.forecast.before?.forecastFinish, c.forecast.after?.forecastFinish]), [['servers', '2026-11-25', '2026-11-26']]);
  assert.deepEqual(review.entities.map((e) => [e.kind, e.id, e.change, e.fields]), [['calendar', 'msk', 'changed', ['holidays']]]);
});

test('a chain added or removed lists its tasks and, when added, its forecast', () => {
  const before = workspaceOf({ 'projects/acme/chains/network.yaml': NETWORK });
  const after = workspaceOf({ 'projects/acme/chains/servers.yaml': SERVERS.replace(', depends_on: [network/vlan]', '') });
  const review = reviewChange(before, after, { now: NOW, base: BASE_REF });
  assert.deepEqual(review.chains.map((c) => [c.id, c.change, c.tasks.added.map((t) => t.id), c.tasks.removed.map((t) => t.id), !!c.graph]), [
    ['network', 'removed', [], ['vlan'], false],
    ['servers', 'added', ['os'], [], true],
  ]);
  const md = renderReviewMarkdown(review);
  assert.match(md, /#### `servers` Servers · new\n\nProject `acme` · `projects\/acme\/chains\/servers.yaml`\n\nForecast to finish 2026-11-25; deadline 2026-11-27: on time. Critical path: `os`./);
  assert.match(md, /#### `network` Network · removed\n[\s\S]*Was forecast to finish 2026-11-25; deadline —: no deadline./);
});

test('a chain with schema errors after the change has no forecast, and the review says why', () => {
  const before = workspaceOf({ 'projects/acme/chains/network.yaml': NETWORK });
  const after = workspaceOf({ 'projects/acme/chains/network.yaml': NETWORK.replace('status: todo', 'status: doing') });
  const review = reviewChange(before, after, { now: NOW, base: BASE_REF });
  const chain = review.chains[0]!;
  assert.deepEqual([chain.forecast.after, chain.graph], [null, null]);
  assert.deepEqual(review.diagnostics.introduced.map((d) => d.code), ['schema']);
  assert.match(renderReviewMarkdown(review), /_No forecast: the chain has schema errors \(see the diagnostics below\)._/);
});
