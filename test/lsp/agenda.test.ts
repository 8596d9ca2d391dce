// The Agenda view's and the status bar's data over a real LSP connection: tam/agenda for the user
// — found by git's user.email, or set by tam.me — with the items of `tam agenda` and the place
// to open each, and tam/status's soonest due clock over the same projects.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { AgendaAnswer, StatusAnswer } from '../../server/src/protocol/tam-protocol';
import { TempRepo } from '../git/temp-repo';
import { FIXTURE, LspClient, NOW } from './client';

/** The fixture in a git repository whose user.email is Anna's (in another case), plus a second project. */
function repository(): TempRepo {
  const repo = new TempRepo();
  fs.cpSync(FIXTURE, repo.dir, { recursive: true });
  repo.git('config', 'user.email', 'Anna.Smirnova@Example.test');
  const people = path.join(repo.dir, 'org/people.yaml');
  fs.writeFileSync(people, fs.readFileSync(people, 'utf8').replace('name: Anna Smirnova\n', 'name: Anna Smirnova\nemail: anna.smirnova@example.test\n'));
  repo.write({
    // Tue 14:00–18:00 and Wed 09:00–12:00: 7h of the P2's 8h; due today at 13:00.
    'projects/acme/incidents/INC-3.yaml': 'kind: incident\nid: INC-3\nproject: acme\ntitle: Checkout slow\npriority: P2\nopened: 2026-11-24T14:00:00+03:00\ntimeline:\n  - { at: 2026-11-24T14:05:00+03:00, status: acknowledged }\n',
    'projects/beta/project.yaml': 'kind: project\nid: beta\nname: Beta portal\nclient: Beta LLC\ntam: oleg\n',
    // 1h 30m of 8h used: due Thursday 09:30.
    'projects/beta/incidents/INC-9.yaml': 'kind: incident\nid: INC-9\nproject: beta\ntitle: Beta login errors\npriority: P2\nopened: 2026-11-25T10:30:00+03:00\ntimeline:\n  - { at: 2026-11-25T10:35:00+03:00, status: acknowledged }\n',
  });
  return repo;
}

test('tam/agenda: the user from git\'s user.email, then from tam.me; tam/status names their soonest due clock', async () => {
  const repo = repository();
  const client = await LspClient.start(repo.dir, { now: NOW });
  try {
    await client.ready();
    const first = (await client.request<AgendaAnswer>('tam/agenda', {})).workspaces[0]!;
    assert.deepEqual([first.person, first.via, first.projects, first.at], [{ id: 'anna', name: 'Anna Smirnova' }, 'git', ['acme'], '2026-11-25 12:00 Europe/Moscow']);
    assert.deepEqual(first.sections.map((s) => s.type), ['sla-due', 'postmortem-due', 'chain-at-risk', 'task-ready']);
    const due = first.sections[0]!;
    assert.equal(due.title, 'SLA clocks due within 4h of working time');
    assert.deepEqual(due.items.map((i) => [i.id, i.clock, i.leftMinutes, i.at]), [['INC-3', 'resolution', 60, '2026-11-25T10:00:00.000Z']]);
    // The range is the `opened` value, in the file's URI.
    const item = due.items[0]!;
    assert.equal(item.uri, client.uri('projects/acme/incidents/INC-3.yaml'));
    const line = fs.readFileSync(path.join(repo.dir, item.file), 'utf8').split('\n')[item.range.start.line]!;
    assert.equal(line.slice(item.range.start.character, item.range.end.character), '2026-11-24T14:00:00+03:00');
    assert.equal(item.line, item.range.start.line + 1);

    const status = await client.request<StatusAnswer>('tam/status', {});
    assert.deepEqual([status.soonestDue?.incident, status.soonestDue?.clock, status.soonestDue?.leftMinutes], ['INC-3', 'resolution', 60]);
    assert.equal(status.soonestDue?.message, 'resolution is due at 2026-11-25 13:00 Europe/Moscow (1h of working time left, policy "standard")');

    // tam.me wins over git: Oleg's project, and his soonest clock.
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tam: { now: NOW, me: 'oleg' } } });
    let mine: AgendaAnswer['workspaces'][number] | undefined;
    for (let i = 0; i < 50 && mine?.person?.id !== 'oleg'; i++) {
      mine = (await client.request<AgendaAnswer>('tam/agenda', {})).workspaces[0]!;
      if (mine.person?.id !== 'oleg') await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual([mine!.person?.id, mine!.via, mine!.projects], ['oleg', 'tam.me', ['beta']]);
    assert.deepEqual(mine!.sections, []);
    const his = await client.request<StatusAnswer>('tam/status', {});
    assert.deepEqual([his.soonestDue?.incident, his.soonestDue?.dueAt], ['INC-9', '2026-11-26T06:30:00.000Z']);

    // A tam.me that names nobody says so, and the agenda covers every project.
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { tam: { now: NOW, me: 'olge' } } });
    let nobody: AgendaAnswer['workspaces'][number] | undefined;
    for (let i = 0; i < 50 && !nobody?.problem; i++) {
      nobody = (await client.request<AgendaAnswer>('tam/agenda', {})).workspaces[0]!;
      if (!nobody.problem) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(nobody!.problem, 'tam.me is "olge", which is not a person of this workspace; did you mean "oleg"?');
    assert.deepEqual([nobody!.person, nobody!.projects], [undefined, ['acme', 'beta']]);
  } finally {
    await client.stop();
    fs.rmSync(repo.dir, { recursive: true, force: true });
  }
});
