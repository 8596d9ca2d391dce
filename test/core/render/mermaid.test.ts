// `tam graph` (spec §7): the flowchart and gantt of a chain, checked by Mermaid's own parser —
// the structure it understood, and that hostile titles stay text inside their own label.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { chainFlowchart, chainGantt } from '../../../server/src/core/render/mermaid';
import { mermaidLabel } from '../../../server/src/core/text/shown';
import { forecastChains } from '../../../server/src/core/schedule/forecast';
import { DayCalendar, DEFAULT_WORKDAY_CALENDAR } from '../../../server/src/core/calendar/days';
import type { ChainDoc } from '../../../server/src/core/model';
import { mermaidModel, parseMermaid, type FlowModel, type GanttModel } from '../../helpers/mermaid-parse';

const WORKDAYS = new DayCalendar(DEFAULT_WORKDAY_CALENDAR);
const DEPARTMENTS = { network: 'Network', vmware: 'VMware virtualization', unix: 'Unix' };

function schedule(text: string, today = '2026-11-02') {
  const chains = parseAllDocuments(text).map((d) => d.toJS() as ChainDoc);
  return { chains, result: forecastChains({ chains, calendarOf: () => WORKDAYS, now: today }) };
}

const LANDSCAPE = `
kind: chain
id: backup
project: acme
title: Backup policy
tasks:
  - { id: policy, title: Backup policy, department: backup, status: in_progress, started: 2026-10-29, estimate: 3d }
---
kind: chain
id: landscape
project: acme
title: New project landscape
tasks:
  - { id: vlan, title: Allocate VLAN, department: network, status: done, started: 2026-10-29, finished: 2026-10-30 }
  - { id: vm, title: Create VMs, department: vmware, status: in_progress, started: 2026-11-02, estimate: 3d, depends_on: [vlan] }
  - { id: firewall, title: Firewall rules, department: network, status: todo, estimate: 1d, depends_on: [vlan] }
  - { id: os, title: Install OS, department: unix, status: todo, estimate: 1d, depends_on: [vm, firewall, backup/policy] }
  - { id: hyperv, title: Hyper-V fallback, department: vmware, status: cancelled }
`;

describe('chainFlowchart', () => {
  const { chains, result } = schedule(LANDSCAPE);
  const chain = chains[1]!;
  const forecast = result.byId.get('landscape')!;
  const text = chainFlowchart(chain, forecast, { departmentNames: DEPARTMENTS });

  it('is a left-to-right flowchart that Mermaid accepts', async () => {
    assert.match(text, /^flowchart LR\n/);
    assert.equal(await parseMermaid(text), 'flowchart-v2');
  });

  it('has a lane per department, holding its tasks, named from departmentNames', async () => {
    const model = (await mermaidModel(text)) as FlowModel;
    const byText = (t: string) => model.nodes.find((n) => n.text.startsWith(t))!.id;
    assert.deepEqual(
      model.subgraphs.map((s) => [s.title, s.nodes.sort()]),
      [
        ['Network', [byText('Allocate VLAN'), byText('Firewall rules')].sort()],
        ['VMware virtualization', [byText('Create VMs'), byText('Hyper-V fallback')].sort()],
        ['Unix', [byText('Install OS')]],
      ],
    );
  });

  it('labels show title, id, status and forecast dates; ids are generated', async () => {
    const model = (await mermaidModel(text)) as FlowModel;
    assert.deepEqual(
      model.nodes.map((n) => [n.id, n.text.split(/<br\s*\/?>/)]),
      [
        ['n0', ['Allocate VLAN', 'vlan · done', '10-29 → 10-30']],
        ['n2', ['Firewall rules', 'firewall · to do', '11-02']],
        ['n1', ['Create VMs', 'vm · in progress', '11-02 → 11-04']],
        ['n4', ['Hyper-V fallback', 'hyperv · cancelled']],
        ['n3', ['Install OS', 'os · to do', '11-05']],
        ['x0', ['backup/policy', 'Backup policy', 'in progress · 11-04']],
      ],
    );
  });

  it('colours nodes by status, dashes the other chain, and draws the critical path thick', async () => {
    const model = (await mermaidModel(text)) as FlowModel;
    assert.deepEqual(forecast.criticalPath, ['vlan', 'vm', 'os']);
    const classes = Object.fromEntries(model.nodes.map((n) => [n.id, n.classes]));
    assert.deepEqual(classes, {
      n0: ['done', 'critical'],
      n1: ['in_progress', 'critical'],
      n2: ['todo'],
      n3: ['todo', 'critical'],
      n4: ['cancelled'],
      x0: ['external'],
    });
    assert.deepEqual(
      model.edges.map((e) => [e.from, e.to, e.stroke, e.style.includes('stroke-width:3px')]),
      [
        ['n0', 'n1', 'thick', true],
        ['n0', 'n2', 'normal', false],
        ['n1', 'n3', 'thick', true],
        ['n2', 'n3', 'normal', false],
        ['x0', 'n3', 'dotted', false],
      ],
    );
    for (const c of ['todo', 'in_progress', 'blocked', 'done', 'cancelled', 'external', 'critical']) assert.ok(model.classDefs.includes(c), c);
  });

  it('without a forecast, or for a chain in a cycle, still draws the tasks, the cycle in red', async () => {
    const bare = chainFlowchart(chain, undefined);
    assert.equal(await parseMermaid(bare), 'flowchart-v2');
    assert.ok(!/\d\d-\d\d/.test(bare), 'no dates without a forecast');

    const cyclic = schedule(`
kind: chain
id: loop
project: acme
title: Loop
tasks:
  - { id: a, title: A, department: network, status: todo, depends_on: [b] }
  - { id: b, title: B, department: network, status: todo, depends_on: [a] }
  - { id: c, title: C, department: network, status: todo, depends_on: [a] }
`);
    const loop = chainFlowchart(cyclic.chains[0]!, cyclic.result.chains[0]);
    const model = (await mermaidModel(loop)) as FlowModel;
    assert.deepEqual(
      model.edges.map((e) => [e.from, e.to, e.style.some((s) => s.includes('dasharray'))]),
      [
        ['n1', 'n0', true],
        ['n0', 'n1', true],
        ['n0', 'n2', false],
      ],
    );
  });

  it('an empty chain is an empty flowchart', async () => {
    const empty: ChainDoc = { kind: 'chain', id: 'e', project: 'acme', title: 'E', tasks: [] };
    assert.equal(await parseMermaid(chainFlowchart(empty, undefined)), 'flowchart-v2');
  });
});

describe('chainGantt', () => {
  const { chains, result } = schedule(LANDSCAPE);
  const text = chainGantt(chains[1]!, result.byId.get('landscape'), { departmentNames: DEPARTMENTS });

  it('is a gantt of the forecast with sections per department and done / active / crit tags', async () => {
    assert.equal(await parseMermaid(text), 'gantt');
    const model = (await mermaidModel(text)) as GanttModel;
    assert.equal(model.title, 'New project landscape');
    assert.deepEqual(model.sections, ['Network', 'VMware virtualization', 'Unix']);
    assert.deepEqual(
      model.tasks.map((t) => [t.id, t.name, t.section, t.start, t.end, t.crit, t.done, t.active]),
      [
        // The end is exclusive: a task finishing on the 30th ends at the start of the 31st.
        ['t0', 'Allocate VLAN', 'Network', '2026-10-29', '2026-10-31', true, true, false],
        ['t2', 'Firewall rules', 'Network', '2026-11-02', '2026-11-03', false, false, false],
        ['t1', 'Create VMs', 'VMware virtualization', '2026-11-02', '2026-11-05', true, false, true],
        ['t3', 'Install OS', 'Unix', '2026-11-05', '2026-11-06', true, false, false],
      ],
    );
  });

  it('without a forecast it is only a title', async () => {
    const bare = chainGantt(chains[1]!, undefined);
    const model = (await mermaidModel(bare)) as GanttModel;
    assert.deepEqual(model.tasks, []);
  });
});

// Titles that have broken diagrams elsewhere: syntax of Mermaid's lexers, its preprocessor, its
// gantt keywords, HTML, and the markers Mermaid itself uses for entities.
const HOSTILE = [
  'Allocate "VLAN" [prod] {core} (edge) |pipe|',
  'a --> b ==> c -.-> d --- e ~~~ f',
  '%% not a comment',
  '%%{init: {"theme": "forest", "securityLevel": "loose"}}%%',
  'end',
  'subgraph evil',
  'click n0 call alert(1)',
  'click n0 href "javascript:alert(1)"',
  'style n0 fill:#f00;',
  'classDef todo fill:#f00',
  'linkStyle 0 stroke:red',
  '`markdown` **bold**',
  'line one\nline two\r\nline three\ttab',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>bold</b> & &amp; &#60; &lt;',
  '#quot; #35; #60;script#62; # ; :',
  'ﬂ°°60¶ß ﬂ°lt¶ß',
  'Сеть: ВЛАН 🚀 \u202Eevil\u202C zero\u200Bwidth',
  'section Pwned',
  'title Pwned',
  'excludes weekends',
  'dateFormat X',
  'accTitle: pwned',
  'todayMarker off',
  'x :crit, done, t9, 2020-01-01, 1d',
  '---\nconfig:\n  theme: dark\n---',
  '   ',
  '',
];

/**
 * What a reader should see: tabs and line breaks as spaces, every other control character
 * (C0, C1, bidi controls, line separators, lone surrogates) as an escape such as `\u001b`,
 * and whitespace runs made single spaces.
 */
function shown(title: string): string {
  let out = '';
  for (const ch of title) {
    const cp = ch.codePointAt(0)!;
    const control = /\p{Cc}/u.test(ch) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x2028 || cp === 0x2029 || cp === 0xfffe || cp === 0xffff || (cp >= 0xd800 && cp <= 0xdfff);
    if (ch === '\t' || ch === '\n') out += ' ';
    else if (ch === '\r') out += '\\r';
    else if (control) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

function hostileChain(title: string): ChainDoc {
  return {
    kind: 'chain',
    id: 'hostile',
    project: 'acme',
    title,
    tasks: [
      { id: 'a', title, department: 'network', status: 'done', started: '2026-11-02', finished: '2026-11-02' },
      { id: 'b', title, department: 'unix', status: 'todo', estimate: '2d', depends_on: ['a', 'other/task'] },
    ],
  };
}

async function checkHostile(title: string): Promise<void> {
  const chain = hostileChain(title);
  const forecast = forecastChains({ chains: [chain], calendarOf: () => WORKDAYS, now: '2026-11-03' }).chains[0];
  const names = { network: title, unix: `${title} 2` };

  const flow = chainFlowchart(chain, forecast, { departmentNames: names });
  // No markup from the title: the only tags are our own line breaks, the only quotes delimit labels.
  for (const line of flow.split('\n').filter((l) => l.includes('['))) {
    assert.match(line, /^\s*(n\d+|x\d+|subgraph lane\d+)\s*\["[^"<>%`]*(<br\/>[^"<>%`]*)*"\]$/, line);
  }
  const model = (await mermaidModel(flow)) as FlowModel;
  assert.deepEqual(
    model.nodes.map((n) => n.id),
    ['n0', 'n1', 'x0'],
  );
  const firstLine = (id: string) => model.nodes.find((n) => n.id === id)!.text.split(/<br\s*\/?>/)[0];
  if (shown(title)) {
    assert.equal(firstLine('n0'), shown(title));
    assert.equal(firstLine('n1'), shown(title));
  }
  assert.deepEqual(
    model.subgraphs.map((s) => s.title),
    [shown(title) || 'network', shown(`${title} 2`)],
  );
  assert.deepEqual(
    model.edges.map((e) => [e.from, e.to]),
    [
      ['n0', 'n1'],
      ['x0', 'n1'],
    ],
  );

  const gantt = chainGantt(chain, forecast, { departmentNames: names });
  const g = (await mermaidModel(gantt)) as GanttModel;
  assert.equal(g.title, shown(title) || 'hostile');
  assert.deepEqual(
    g.tasks.map((t) => [t.id, t.name, t.start, t.end]),
    [
      ['t0', shown(title) || 'a', '2026-11-02', '2026-11-03'],
      ['t1', shown(title) || 'b', '2026-11-03', '2026-11-05'],
    ],
  );
  assert.deepEqual(g.sections, [shown(title) || 'network', shown(`${title} 2`)]);
}

describe('hostile titles', () => {
  for (const title of HOSTILE) {
    it(`stay inside their label: ${JSON.stringify(title)}`, () => checkHostile(title));
  }

  it('any text at all (random unicode) parses and reads back as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), (title) => checkHostile(title)),
      { numRuns: 60 },
    );
  });
});

describe('mermaidLabel', () => {
  it('keeps letters, digits and plain punctuation; codes the rest', () => {
    assert.equal(mermaidLabel('Сеть VLAN-42 (prod), ok?'), 'Сеть VLAN-42 (prod), ok?');
    assert.equal(mermaidLabel('a "b" <c> #d; e:f %%'), 'a #34;b#34; #60;c#62; #35;d#59; e#58;f #37;#37;');
    assert.equal(mermaidLabel(' two\n\nlines\t '), 'two lines');
    assert.equal(mermaidLabel('🚀'), '#128640;');
    // Control characters are shown, their backslash coded like any other punctuation.
    assert.equal(mermaidLabel('a\u001b[2Jb\u202e'), 'a#92;u001b#91;2Jb#92;u202e');
  });
});
