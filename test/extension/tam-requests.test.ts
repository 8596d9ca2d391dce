// The tam/* requests of the language server (server/src/lsp/tam-requests/) over the sample
// workspace: the same figures as the CLI, node maps that match what Mermaid parses, ranges
// that point at the task ids, the next incident id.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { parseTimestamp } from '../../server/src/core/time/timestamp';
import { FileSystemHost, MemoryHost } from '../../server/src/core/workspace/host';
import { Workspace } from '../../server/src/core/workspace/workspace';
import {
  chainGraph,
  chainSummaries,
  entities,
  fileOf,
  locate,
  newIncidentId,
  slaReport,
  status,
  TAM_HANDLERS,
  TAM_METHODS,
  tree,
  validateWorkspace,
  type TamHost,
} from '../../server/src/lsp/tam-requests';
import { isTamError, type ChainGraph } from '../../server/src/protocol/tam-protocol';
import { tam } from '../helpers/cli';
import { mermaidModel } from '../helpers/mermaid-parse';

const NOW = '2026-11-25T12:00:00+03:00';
const ROOT = path.resolve(__dirname, '..', '..', 'sample-workspace');
const CHAIN_URI = pathToFileURL(path.join(ROOT, 'projects/kedr-retail/chains/kedr-seller-portal-landscape.yaml')).href;

function hostOver(root: string, ws: Workspace): TamHost {
  const ref = { ws, root };
  return { workspaceFor: (uri) => (fileOf(root, uri) !== undefined ? ref : undefined), workspaces: () => [ref], now: () => parseTimestamp(NOW)! };
}

const sample = (() => {
  const ws = new Workspace(new FileSystemHost(ROOT));
  ws.loadAll();
  return hostOver(ROOT, ws);
})();

function graphOf(result: ReturnType<typeof chainGraph>): ChainGraph {
  assert.ok(!isTamError(result), isTamError(result) ? result.error : '');
  return result as ChainGraph;
}

test('tam/chainGraph: one node per task, ids as Mermaid parses them, ranges on the task ids', async () => {
  const graph = graphOf(chainGraph(sample, { uri: CHAIN_URI, format: 'flowchart' }));
  assert.equal(graph.chainId, 'kedr-seller-portal-landscape');
  assert.equal(graph.taskCount, 10);
  const model = await mermaidModel(graph.mermaid);
  assert.equal(model.type, 'flowchart');
  assert.deepEqual(model.nodes.map((n) => n.id).sort(), Object.keys(graph.nodes).sort());
  const text = sample.workspaces()[0]!.ws.textOf('projects/kedr-retail/chains/kedr-seller-portal-landscape.yaml')!;
  const lines = text.split('\n');
  for (const node of Object.values(graph.nodes)) {
    const { start, end } = node.range;
    assert.equal(lines[start.line]!.slice(start.character, end.character), node.taskId);
    assert.equal(node.uri, CHAIN_URI);
  }
  assert.equal(graph.nodes.n0!.taskId, 'vlan');
  // The same forecast as `tam plan`.
  const plan = JSON.parse((await tam(['plan', ROOT, '--chain', graph.chainId, '--now', NOW, '--format', 'json'])).out).chains[0];
  assert.equal(graph.forecastFinish, plan.forecastFinish);
  assert.deepEqual(graph.criticalPath, plan.criticalPath);
  assert.equal(graph.late, plan.late);
  // Each node shows the task as `tam plan --format json` lists it: dates, slack, critical path.
  assert.deepEqual(
    Object.values(graph.nodes).map((n) => ({ id: n.taskId, status: n.status, start: n.start ?? null, finish: n.finish ?? null, slack: n.slack ?? 0, critical: n.critical })),
    plan.tasks,
  );
  assert.equal(graph.deadline, '2026-12-11');
  assert.equal(graph.departments.network, 'Network');
});

test('tam/chainGraph gantt: the bars are t0… in the node map', async () => {
  const graph = graphOf(chainGraph(sample, { chainId: 'kedr-seller-portal-landscape', format: 'gantt' }));
  const model = await mermaidModel(graph.mermaid);
  assert.equal(model.type, 'gantt');
  if (model.type !== 'gantt') return;
  for (const t of model.tasks) assert.ok(graph.nodes[t.id], `gantt task ${t.id} is in the node map`);
  assert.equal(graph.nodes.t0!.taskId, 'vlan');
});

test('tam/chainGraph draws a half-typed chain, without a forecast', () => {
  const files = {
    'tam.yaml': 'kind: workspace\nname: t\n',
    'chains/c.yaml': 'kind: chain\nid: c\nproject: p\ntitle: T\ntasks:\n  - id: a\n    title: A\n    department: net\n    status: todo\n  - id: b\n    title:\n    department:\n    depends_on: [a]\n  - title: no id yet\n',
  };
  const ws = new Workspace(new MemoryHost(files));
  ws.loadAll();
  const host = hostOver('/ws', ws);
  const graph = graphOf(chainGraph(host, { uri: 'file:///ws/chains/c.yaml', format: 'flowchart' }));
  assert.equal(graph.taskCount, 2);
  assert.ok(graph.problem);
  assert.equal(graph.forecastFinish, undefined);
  assert.match(graph.mermaid, /n0 --> n1/);
});

test('tam/chainGraph: titles reach Mermaid as text, never as markup', async () => {
  const files = {
    'tam.yaml': 'kind: workspace\nname: t\n',
    'chains/c.yaml': 'kind: chain\nid: c\nproject: p\ntitle: "<img src=x onerror=alert(1)>"\ntasks:\n  - { id: a, title: "<script>alert(1)</script> --> b[\\"x\\"]", department: net, status: todo, estimate: 1d }\n',
  };
  const ws = new Workspace(new MemoryHost(files));
  ws.loadAll();
  for (const format of ['flowchart', 'gantt'] as const) {
    const graph = graphOf(chainGraph(hostOver('/ws', ws), { uri: 'file:///ws/chains/c.yaml', format }));
    assert.ok(!/<img|<script|onerror=alert\(1\)>/.test(graph.mermaid), graph.mermaid);
    const model = await mermaidModel(graph.mermaid);
    if (model.type === 'flowchart') assert.match(model.nodes[0]!.text, /<script>alert\(1\)<\/script> --> b\["x"\]/);
  }
});

test('tam/chainGraph says why when there is no chain', () => {
  const r = chainGraph(sample, { uri: pathToFileURL(path.join(ROOT, 'tam.yaml')).href, format: 'flowchart' });
  assert.ok(isTamError(r) && /no task chain/.test(r.error));
  const r2 = chainGraph(sample, { chainId: 'nope', format: 'flowchart' });
  assert.ok(isTamError(r2) && /No chain "nope"/.test(r2.error));
  // An id the editor asks about is shown, not obeyed: no escape sequence reaches the message.
  const r3 = chainGraph(sample, { chainId: 'x\u001b[2J\u202ey', format: 'flowchart' });
  assert.ok(isTamError(r3) && r3.error.includes('x\\u001b[2J\\u202ey') && !/[\u0000-\u001f\u202e]/.test(r3.error), isTamError(r3) ? r3.error : '');
});

test('tam/slaReport is what tam sla --format json prints', async () => {
  for (const by of ['project', 'priority', 'month', 'department'] as const) {
    const answer = slaReport(sample, { by });
    assert.ok(!isTamError(answer));
    const cli = JSON.parse((await tam(['sla', ROOT, '--now', NOW, '--by', by, '--format', 'json'])).out);
    assert.deepEqual(JSON.parse(JSON.stringify(answer.report)), cli, by);
    for (const i of answer.report.incidents) assert.ok(answer.incidentUris[i.id]?.endsWith(`${i.id}.yaml`));
  }
  const bad = slaReport(sample, { from: '2026-13-01' });
  assert.ok(isTamError(bad));
});

test('tam/slaReport\'s trend: the twelve months up to now (or to --to), each with tam sla --by month\'s figures', async () => {
  const answer = slaReport(sample, {});
  assert.ok(!isTamError(answer));
  assert.deepEqual(answer.trend.map((t) => t.month), ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  const months = JSON.parse((await tam(['sla', ROOT, '--now', NOW, '--by', 'month', '--format', 'json'])).out).groups;
  for (const t of answer.trend) {
    const g = months.find((m: { key: string }) => m.key === t.month);
    assert.deepEqual([t.incidents, t.responseMetPct, t.resolutionMetPct, t.breaches], g ? [g.incidents, g.responseMetPct, g.resolutionMetPct, g.breaches] : [0, null, null, 0], t.month);
  }
  const earlier = slaReport(sample, { to: '2026-09-30' });
  assert.ok(!isTamError(earlier));
  assert.equal(earlier.trend.at(-1)!.month, '2026-09');
});

test("tam/slaReport of one project: the same figures for that project's incidents only", async () => {
  const all = slaReport(sample, { by: 'priority' });
  const kedr = slaReport(sample, { by: 'priority', project: 'kedr-retail' });
  assert.ok(!isTamError(all) && !isTamError(kedr));
  assert.equal(kedr.project, 'kedr-retail');
  assert.ok(kedr.report.incidents.length > 0);
  assert.deepEqual(
    kedr.report.incidents.map((i) => i.id),
    all.report.incidents.filter((i) => i.project === 'kedr-retail').map((i) => i.id),
  );
  const byProject = slaReport(sample, { by: 'project' });
  assert.ok(!isTamError(byProject));
  const group = byProject.report.groups.find((g) => g.key === 'kedr-retail')!;
  assert.deepEqual(JSON.parse(JSON.stringify(kedr.report.totals)), { ...JSON.parse(JSON.stringify(group)), key: 'total' });
  // Its trend is the project's, as tam sla on the project's folder counts it by month.
  const months = JSON.parse((await tam(['sla', path.join(ROOT, 'projects/kedr-retail'), '--now', NOW, '--by', 'month', '--format', 'json'])).out).groups;
  assert.deepEqual(
    kedr.trend.filter((t) => t.incidents > 0).map((t) => [t.month, t.incidents, t.resolutionMetPct]),
    months.map((g: { key: string; incidents: number; resolutionMetPct: number | null }) => [g.key, g.incidents, g.resolutionMetPct]),
  );
});

test('tam/status and tam/tree count the breaches that still run', async () => {
  const cli = JSON.parse((await tam(['sla', ROOT, '--now', NOW, '--format', 'json'])).out);
  const running = cli.breaches.filter((b: { stopped: boolean }) => !b.stopped).length;
  const s = status(sample, {});
  assert.equal(s.openBreaches, running);
  const t = tree(sample, {});
  assert.equal(t.workspaces[0]!.openBreaches, running);
  const incidents = t.workspaces[0]!.incidents;
  const firstClosed = incidents.findIndex((i) => !i.open);
  assert.ok(firstClosed > 0 && incidents.slice(firstClosed).every((i) => !i.open), 'open incidents first');
  assert.equal(t.workspaces[0]!.projects.length, 5);
  assert.ok(chainSummaries(sample, {}).length >= 5);
});

test('tam/newIncidentId: the next free number of the year, opened with the zone offset', () => {
  const r = newIncidentId(sample, {});
  assert.ok(!isTamError(r));
  assert.equal(r.id, 'INC-2026-0575');
  assert.equal(r.timestamp, NOW);
});

test('tam/locate and tam/entities', () => {
  const range = locate(sample, { uri: CHAIN_URI, doc: 0, path: ['tasks', 1, 'id'] });
  assert.equal(range?.start.line, 22);
  const people = entities(sample, { kind: 'person' });
  assert.ok(people.some((p) => Array.isArray(p.fields?.roles) && (p.fields.roles as string[]).includes('tam')));
  const projects = entities(sample, { kind: 'project' });
  assert.ok(projects.find((p) => p.id === 'kedr-retail')?.dirUri.endsWith('/projects/kedr-retail'));
});

test('tam/validateWorkspace counts every file', () => {
  const r = validateWorkspace(sample, {});
  assert.ok(r.files > 50);
  assert.equal(r.errors, 0);
});

test('every method has a handler for the analysis thread', () => {
  assert.deepEqual(Object.keys(TAM_HANDLERS).sort(), [...TAM_METHODS].sort());
});
