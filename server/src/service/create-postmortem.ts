// "Create postmortem" for an incident whose policy wants one that does not exist yet: the file
// the missing-postmortem rule offers to create (the same stub, named as the incident's
// `postmortem:` names it, else pm-<incident>), and `postmortem: <id>` added to the incident
// when it names none, on the line after its `id`.

import type { FileCreate, TextEdit } from '../core/diagnostic';
import { postmortemStub } from '../core/rules/missing-postmortem';
import { postmortemOf } from '../core/sla/postmortem-due';
import type { Workspace } from '../core/workspace/workspace';
import type { TextModel } from './text-model';
import { nodeAtPath } from './yaml-tree';

export type PostmortemCreation = { title: string; edits: TextEdit[]; creates: FileCreate[] } | { error: string };

export function createPostmortem(model: TextModel, ws: Workspace, incidentId: string): PostmortemCreation {
  const incident = ws.all('incident', incidentId).find((e) => e.file === model.file);
  if (!incident) return { error: `No incident "${incidentId}" in ${model.file}.` };
  const existing = postmortemOf(ws, incident);
  if (existing) return { error: `Incident ${incident.id} already has postmortem "${existing.id}" (${existing.file}).` };
  const named = typeof incident.value.postmortem === 'string' ? incident.value.postmortem : undefined;
  const stub = postmortemStub(incident, named);
  if (ws.file(stub.file)) return { error: `${stub.file} exists already; it holds no postmortem of ${incident.id}.` };
  const edits: TextEdit[] = [];
  if (!named) {
    const id = nodeAtPath(model.tree.docs[incident.doc]?.root ?? null, [...incident.path, 'id']);
    if (!id.exact || id.node?.type !== 'scalar') return { error: `The id of incident ${incident.id} is not where the index has it; save the file and try again.` };
    const line = model.positionAt(id.node.start).line;
    const end = { line, character: model.lineText(line).length };
    const eol = model.text.includes('\r\n') ? '\r\n' : '\n';
    edits.push({ file: model.file, range: { start: end, end }, newText: `${eol}postmortem: ${stub.id}` });
  }
  return { title: `Create postmortem ${stub.file}`, edits, creates: [{ file: stub.file, text: stub.text }] };
}
