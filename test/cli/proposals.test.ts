// `tam proposals`: the register with each proposal's date (the date of its current status), the
// bonus list per engineer with co-authors' shares, the four formats, and exit 2 for bad input.

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { tam } from '../helpers/cli';
import { removeTemp, tempWorkspace } from '../helpers/fs-workspace';

const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));

const proposal = (id: string, fields: string) =>
  `kind: proposal\nid: ${id}\nproject: acme\ntitle: Proposal ${id}\ntype: improvement\nproposed_by: oleg\n${fields}`;

function workspace(): string {
  const dir = tempWorkspace({
    'projects/beta/project.yaml': 'kind: project\nid: beta\nname: Beta\nclient: Beta Bank\ntam: anna\n',
    // Implemented in October by Oleg and Anna together: half a credit each.
    'projects/acme/proposals/redis.yaml': proposal('redis', 'co_authors: [anna]\nproposed_on: 2026-08-01\nstatus: implemented\ndecided_on: 2026-08-20\nimplemented_on: 2026-10-07\ncustomer_value: Carts survive restarts\n'),
    // Implemented in November by Oleg alone.
    'projects/acme/proposals/cdn.yaml': proposal('cdn', 'proposed_on: 2026-09-01\nstatus: implemented\nimplemented_on: 2026-11-02\n'),
    // Implemented in June: outside the period.
    'projects/acme/proposals/old.yaml': proposal('old', 'proposed_on: 2026-03-01\nstatus: implemented\nimplemented_on: 2026-06-30\n'),
    // Accepted in October: its date is decided_on.
    'projects/beta/proposals/waf.yaml': `kind: proposal\nid: waf\nproject: beta\ntitle: WAF\ntype: risk\nseverity: high\nproposed_by: anna\nproposed_on: 2026-09-20\nstatus: accepted\ndecided_on: 2026-10-03\n`,
  });
  dirs.push(dir);
  return dir;
}

test('the register: each proposal dated by its current status, in date order, with the customer', async () => {
  const r = await tam(['proposals', workspace(), '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  assert.deepEqual(json.proposals.map((p: any) => [p.id, p.status, p.date, p.customer]), [
    ['old', 'implemented', '2026-06-30', 'ACME'],
    ['waf', 'accepted', '2026-10-03', 'Beta Bank'],
    ['redis', 'implemented', '2026-10-07', 'ACME'],
    ['cdn', 'implemented', '2026-11-02', 'ACME'],
  ]);
  assert.deepEqual(json.proposals.find((p: any) => p.id === 'redis').coAuthors, ['anna']);
  assert.equal(json.proposals.find((p: any) => p.id === 'waf').severity, 'high');
});

test('the bonus list: implemented in the period, a line per engineer, totals with shared credit', async () => {
  const dir = workspace();
  const args = ['proposals', dir, '--status', 'implemented', '--from', '2026-07-01', '--to', '2026-12-31', '--by', 'person'];
  const json = JSON.parse((await tam([...args, '--format', 'json'])).out);
  assert.deepEqual(json.proposals.map((p: any) => p.id), ['redis', 'cdn']);
  assert.deepEqual(json.groups.map((g: any) => [g.key, g.name, g.proposals, g.implemented, g.credit]), [
    ['anna', 'Anna Smirnova', ['redis'], 1, 0.5],
    ['oleg', 'Oleg Ivanov', ['redis', 'cdn'], 2, 1.5],
  ]);
  const text = (await tam(args)).out;
  assert.match(text, /^Proposals implemented 2026-07-01 to 2026-12-31, by person: 2\n/);
  assert.match(text, /\nAnna Smirnova \(anna\) +2026-10-07 +redis +ACME +improvement +- +implemented +0\.50 +Proposal redis\n/);
  assert.match(text, /\nOleg Ivanov \(oleg\) +2026-11-02 +cdn +ACME /);
  assert.match(text, /\nOleg Ivanov \(oleg\) +2 +2 +1\.50\n/);
  const csv = (await tam([...args, '--format', 'csv'])).out.split('\r\n');
  assert.equal(csv[0], 'group,id,project,customer,title,type,severity,status,date,proposed_by,co_authors,share,proposed_on,decided_on,implemented_on,customer_value,file');
  assert.equal(csv[1], 'anna,redis,acme,ACME,Proposal redis,improvement,,implemented,2026-10-07,oleg,anna,0.5,2026-08-01,2026-08-20,2026-10-07,Carts survive restarts,projects/acme/proposals/redis.yaml');
  const md = (await tam([...args, '--format', 'markdown'])).out;
  assert.match(md, /\n#### Totals per engineer/);
  assert.match(md, /\n\| Oleg Ivanov \(oleg\) \| 2 \| 2 \| 1\.50 \|\n/);
});

test('--by project totals per project', async () => {
  const json = JSON.parse((await tam(['proposals', workspace(), '--by', 'project', '--format', 'json'])).out);
  assert.deepEqual(json.groups.map((g: any) => [g.key, g.name, g.count, g.implemented]), [
    ['acme', 'ACME', 3, 3],
    ['beta', 'Beta Bank', 1, 0],
  ]);
});

test('bad input exits 2 with a reason', async () => {
  const dir = workspace();
  const cases: [string[], RegExp][] = [
    [['--status', 'done'], /--status must be one of draft, proposed, accepted, in_progress, implemented, rejected, withdrawn, not "done"/],
    [['--by', 'customer'], /--by must be one of person, project/],
    [['--from', '2026-13-01'], /--from must be a date like 2026-11-01/],
    [['--from', '2026-12-01', '--to', '2026-11-01'], /--from 2026-12-01 is after --to 2026-11-01/],
  ];
  for (const [args, message] of cases) {
    const r = await tam(['proposals', dir, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
  }
});
