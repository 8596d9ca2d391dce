// "Create postmortem" of the language service: the file the missing-postmortem rule would
// create, and the incident naming it, unless it does already or a postmortem exists.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPostmortem } from '../../server/src/service/create-postmortem';
import { TextModel } from '../../server/src/service/text-model';
import { fixture, fixtureFiles } from './helpers';

const files = fixtureFiles();
const INC1 = 'projects/acme/incidents/INC-1.yaml';

function create(text: string, extra: Record<string, string> = {}) {
  const ws = fixture({ [INC1]: text, ...extra });
  return createPostmortem(new TextModel(INC1, text), ws, 'INC-1');
}

test('the stub file, and `postmortem:` on the line after the id', () => {
  const made = create(files[INC1]!.replace('id: INC-1\n', 'id: INC-1   # the VLAN one\n'));
  assert.ok(!('error' in made));
  assert.equal(made.title, 'Create postmortem projects/acme/postmortems/pm-inc-1.yaml');
  assert.deepEqual(made.creates.map((c) => c.file), ['projects/acme/postmortems/pm-inc-1.yaml']);
  assert.deepEqual(made.edits, [{ file: INC1, range: { start: { line: 1, character: 26 }, end: { line: 1, character: 26 } }, newText: '\npostmortem: pm-inc-1' }]);
});

test('an incident that names its postmortem gets that one, and is not edited', () => {
  const made = create(files[INC1]!.replace('department: network\n', 'department: network\npostmortem: pm-vlan-loss\n'));
  assert.ok(!('error' in made));
  assert.deepEqual(made.creates.map((c) => c.file), ['projects/acme/postmortems/pm-vlan-loss.yaml']);
  assert.match(made.creates[0]!.text, /^kind: postmortem\nid: pm-vlan-loss\nincident: INC-1\n/);
  assert.deepEqual(made.edits, []);
});

test('refused when a postmortem exists, or its file is taken by something else', () => {
  const draft = 'kind: postmortem\nid: pm-1\nincident: INC-1\nsummary: S\nroot_cause: R\naction_items: []\n';
  assert.deepEqual(create(files[INC1]!, { 'projects/acme/postmortems/pm-1.yaml': draft }), { error: 'Incident INC-1 already has postmortem "pm-1" (projects/acme/postmortems/pm-1.yaml).' });
  assert.deepEqual(create(files[INC1]!, { 'projects/acme/postmortems/pm-inc-1.yaml': '# notes\n' }), { error: 'projects/acme/postmortems/pm-inc-1.yaml exists already; it holds no postmortem of INC-1.' });
});
