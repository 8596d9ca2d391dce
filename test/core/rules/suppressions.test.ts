// Suppression comments of spec §6: next-line and document scope, several rules, and the
// unused-suppression reports for what silences nothing.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose } from '../../helpers/workspace';

const stale = (comment: string, docComment = '') => ({
  'projects/acme/project.yaml': `${docComment}kind: project
id: acme
name: ACME
client: ACME
tam: anna
docs:
  - path: docs/runbook.md
    title: Runbook
${comment}    reviewed: 2026-01-10
`,
});

test('tam-disable-next-line silences the rule on the next line', () => {
  assert.deepEqual(diagnose(stale('    # tam-disable-next-line stale-doc -- archived, kept for history\n')), []);
});

test('tam-disable-next-line with several rules silences the one that fires, and names the one that did not', () => {
  assert.deepEqual(diagnose(stale('    # tam-disable-next-line schema, stale-doc -- reason\n')), [
    'projects/acme/project.yaml:9:5 warning unused-suppression suppression of schema silences nothing: no such diagnostic on the next line',
  ]);
});

test('tam-disable as the first comment of a document silences it for the document', () => {
  assert.deepEqual(diagnose(stale('', '# tam-disable stale-doc -- the customer keeps these docs\n')), []);
});

test('a suppression that silences nothing is reported', () => {
  const out = diagnose(stale('', '# tam-disable duplicate-id -- copied\n'));
  assert.ok(out.includes('projects/acme/project.yaml:1:1 warning unused-suppression suppression of duplicate-id silences nothing: no such diagnostic in this document'), out.join('\n'));
  assert.ok(out.some((l) => l.includes('stale-doc')));
});

test('a suppression naming an unknown rule is reported', () => {
  const out = diagnose(stale('    # tam-disable-next-line stale-docs -- typo\n'));
  assert.ok(out.some((l) => l.includes('unused-suppression suppression names unknown rule "stale-docs"')), out.join('\n'));
});

test('tam-disable below other comments is not a document suppression', () => {
  const out = diagnose(stale('', '# ACME project\n# tam-disable stale-doc -- too late\n'));
  assert.ok(out.some((l) => l.includes('"tam-disable" only works as the first comment of a document')), out.join('\n'));
  assert.ok(out.some((l) => l.includes('stale-doc')));
});

test('document suppressions apply per document of a multi-document file', () => {
  const out = diagnose({
    'org/more.yaml': '# tam-disable duplicate-id -- migrating\nkind: person\nid: anna\nname: Anna P\n---\nkind: person\nid: oleg\nname: Oleg I\n',
  });
  assert.ok(!out.some((l) => l.startsWith('org/more.yaml:3')), out.join('\n'));
  assert.ok(out.some((l) => l.startsWith('org/more.yaml:7:5 error duplicate-id')), out.join('\n'));
});

test('a suppression of several rules reports the ones that silenced nothing', () => {
  const out = diagnose(stale('    # tam-disable-next-line stale-doc, duplicate-id -- reason\n'));
  assert.deepEqual(out, ['projects/acme/project.yaml:9:5 warning unused-suppression suppression of duplicate-id silences nothing: no such diagnostic on the next line']);
});

test('a document suppression can silence a syntax problem of its document', () => {
  const out = diagnose({ 'org/broken.yaml': '# tam-disable yaml-syntax -- generated file, fixed upstream\nkind: person\nid: x\nname: "unclosed\n' });
  assert.deepEqual(out.filter((l) => l.startsWith('org/broken.yaml')), []);
});
