// Document links of the language service: a project's document paths as workspace files, web
// addresses in values as links, and nothing that could open anything else.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentLinks } from '../../server/src/service/document-links';
import { TextModel } from '../../server/src/service/text-model';

function linksOf(file: string, text: string): [string, string][] {
  const model = new TextModel(file, text);
  return documentLinks(model).map((l) => [model.text.slice(model.offsetAt(l.range.start), model.offsetAt(l.range.end)), 'file' in l.target ? `file ${l.target.file}` : `url ${l.target.url}`]);
}

test('document paths are files relative to the project file, quotes left out; web paths are web links', () => {
  const text = `kind: project
id: p
name: P
client: C
tam: anna
docs:
  - path: docs/runbook.md
  - { path: "../shared/escalation.md", title: Escalation }
  - path: https://wiki.example.com/p/network
  - path: ../../../outside.md
  - path: /etc/passwd
  - path: file:///etc/passwd
  - path: C:\\\\Windows\\\\win.ini
`;
  assert.deepEqual(linksOf('projects/p/project.yaml', text), [
    ['docs/runbook.md', 'file projects/p/docs/runbook.md'],
    ['../shared/escalation.md', 'file projects/shared/escalation.md'],
    ['https://wiki.example.com/p/network', 'url https://wiki.example.com/p/network'],
  ]);
});

test('web addresses anywhere in a value, without the punctuation that ends a sentence; only http and https', () => {
  const text = `kind: proposal
id: x
project: acme
title: See https://a.example/x.
type: risk
proposed_by: oleg
proposed_on: 2026-11-20
status: proposed
rationale: >
  Probes every week (graph: https://grafana.example/d/1?var=a&b=(c)), and
  the wiki page https://wiki.example.com/Risk_(security); mail me at mailto:x@y.example,
  or javascript:alert(1), or ftp://files.example/a.
evidence:
  - "https://ids.example/alert/42, seen twice"
`;
  assert.deepEqual(linksOf('projects/acme/proposals/x.yaml', text), [
    ['https://a.example/x', 'url https://a.example/x'],
    ['https://grafana.example/d/1?var=a&b=(c)', 'url https://grafana.example/d/1?var=a&b=(c)'],
    ['https://wiki.example.com/Risk_(security)', 'url https://wiki.example.com/Risk_(security)'],
    ['https://ids.example/alert/42', 'url https://ids.example/alert/42'],
  ]);
});

test('keys and comments are not links', () => {
  assert.deepEqual(linksOf('a.yaml', 'kind: chain # https://comment.example\nx-https://key.example: 1\n'), []);
});
