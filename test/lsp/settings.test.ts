// The editor's settings and folders reach the checks: `rules` (severity per rule, on top of
// tam.yaml) from initializationOptions and from a configuration change, `now` for reviewing a
// past state — the extension's tam.rules and tam.now — and workspace folders added or removed.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LspClient, NOW, tempCopy } from './client';

const codesOf = (client: LspClient, file: string): string[] =>
  (client.diagnostics.get(client.uri(file))?.diagnostics ?? []).map((d) => `${['', 'error', 'warning', 'info'][d.severity!]} ${d.code}`).sort();

test('tam.rules turns a rule off or changes its severity, at start and when changed', async () => {
  const dir = tempCopy();
  const client = await LspClient.start(dir, { now: NOW, rules: { 'sla-breach': 'off', 'unknown-reference': 'warning' } });
  try {
    await client.ready();
    const incident = 'projects/acme/incidents/INC-1.yaml';
    await client.waitFor(() => codesOf(client, incident).length > 0, 20_000, 'INC-1 diagnostics');
    assert.deepEqual(codesOf(client, incident), ['warning missing-postmortem']);
    assert.ok(codesOf(client, 'projects/acme/incidents/INC-2.yaml').includes('warning unknown-reference'));

    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tam: { now: NOW, rules: { 'missing-postmortem': 'info' } } } });
    await client.waitFor(() => codesOf(client, incident).includes('info missing-postmortem'), 20_000, 'new settings applied');
    assert.deepEqual(codesOf(client, incident), ['info missing-postmortem', 'warning sla-breach']);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('tam.now: a past "now" shows the workspace as it was then', async () => {
  const dir = tempCopy();
  // INC-1 (P1, opened 16 Nov 10:00, acknowledged 10:10) two hours in: resolution is running
  // within its 4h, nothing is resolved yet, so neither a breach nor a missing postmortem; only
  // the prediction that it is due at 14:00, within the 4h horizon.
  const client = await LspClient.start(dir, { now: '2026-11-16T12:00:00+03:00' });
  try {
    await client.ready();
    // Opened, INC-1 is checked and published for its version even when it has no diagnostic:
    // an empty list that the server sent, not a file it never checked.
    const incident = 'projects/acme/incidents/INC-1.yaml';
    client.open(incident);
    await client.waitFor(() => client.diagnostics.get(client.uri(incident))?.version === 1, 20_000, 'INC-1 checked');
    assert.deepEqual(codesOf(client, incident), ['info sla-at-risk']);
    // The same file at the present "now" (the SLA was breached on the 16th): tam.now was what kept it clean.
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tam: { now: NOW } } });
    await client.waitFor(() => codesOf(client, incident).includes('warning sla-breach'), 20_000, 'INC-1 re-checked at the present');
    assert.deepEqual(codesOf(client, incident), ['warning missing-postmortem', 'warning sla-breach']);
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a workspace folder added later is indexed and checked; removed, its diagnostics are cleared', async () => {
  const first = tempCopy();
  const second = tempCopy();
  const client = await LspClient.start(first);
  try {
    await client.ready();
    const secondIncident = pathToFileURL(path.join(second, 'projects/acme/incidents/INC-2.yaml')).href;
    assert.equal(client.diagnostics.has(secondIncident), false);
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(second).href, name: 'second' }], removed: [] },
    });
    await client.waitFor(() => (client.diagnostics.get(secondIncident)?.diagnostics.length ?? 0) > 0, 20_000, 'second folder checked');
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: pathToFileURL(second).href, name: 'second' }] },
    });
    await client.waitFor(() => client.diagnostics.get(secondIncident)?.diagnostics.length === 0, 20_000, 'second folder cleared');
  } finally {
    await client.stop();
    fs.rmSync(first, { recursive: true, force: true });
    fs.rmSync(second, { recursive: true, force: true });
  }
});
