// Whose agenda the editor shows: the person `tam.me` names, else the person whose `email` is
// git's `user.email` (compared without case), else nobody in particular — every project.

import { closest } from '../text/suggest';
import type { Workspace } from '../workspace/workspace';

export interface AgendaPerson {
  person?: { id: string; name: string };
  /** How the person was found. */
  via?: 'tam.me' | 'git';
  /** Why nobody was found, for a person to fix (a tam.me that names nobody). */
  problem?: string;
}

export function agendaPerson(ws: Workspace, me: string | undefined, email: string | undefined): AgendaPerson {
  if (me !== undefined) {
    const person = ws.get('person', me);
    if (person) return { person: { id: person.id, name: nameOf(person.value, person.id) }, via: 'tam.me' };
    const guess = closest(me, ws.ids('person'));
    return { problem: `tam.me is "${me}", which is not a person of this workspace${guess ? `; did you mean "${guess}"?` : ''}` };
  }
  const wanted = email?.trim().toLowerCase();
  if (wanted) {
    for (const person of ws.entities('person')) {
      if (typeof person.value.email === 'string' && person.value.email.trim().toLowerCase() === wanted) {
        return { person: { id: person.id, name: nameOf(person.value, person.id) }, via: 'git' };
      }
    }
  }
  return {};
}

function nameOf(value: { name?: unknown }, id: string): string {
  return typeof value.name === 'string' ? value.name : id;
}
