// Hints of an incident document, from the clocks `tam sla` prints: after `opened:` its two
// clocks with their outcome or the instant they fall due on the workspace's wall clock
// (`response met 7m / 30m · resolution running 3h 10m / 8h, due 14:35`), and after each
// timeline entry what that entry did to them (`stops response`, `pauses resolution`).

import { CLOCK_NAMES, type EntryEffect } from '../../core/sla/clocks';
import type { IncidentSla } from '../../core/sla/incident-clocks';
import { findPair, type TreeDoc } from '../yaml-tree';
import type { HintSink } from './sink';
import { clockSentence, clockWords, type HintFamilies } from './words';

export function incidentHints(
  doc: TreeDoc,
  sla: IncidentSla,
  effects: ReadonlyMap<number, EntryEffect> | undefined,
  zone: string,
  today: string,
  families: HintFamilies,
  sink: HintSink,
): void {
  const root = doc.root;
  if (root?.type !== 'map') return;
  const opened = findPair(root, 'opened')?.value;
  if (families.clocks && opened?.type === 'scalar') {
    const label = CLOCK_NAMES.map((name) => clockWords(name, sla.clocks[name], zone, today)).join(' · ');
    const tooltip = [...CLOCK_NAMES.map((name) => clockSentence(name, sla.clocks[name], zone)), `Times in ${zone}; policy ${sla.policy.id}.`].join('\n');
    sink.add(opened.start, label, tooltip);
  }
  const timeline = findPair(root, 'timeline')?.value;
  if (!families.timeline || !effects || timeline?.type !== 'seq') return;
  timeline.items.forEach((item, index) => {
    const effect = effects.get(index);
    if (!effect || !item.node) return;
    // On the line of the entry's status: what the entry says is what it did.
    const status = item.node.type === 'map' ? findPair(item.node, 'status')?.value : undefined;
    const at = status?.start ?? item.node.start;
    if (!sink.wants(at)) return;
    const words = effectWords(effect);
    sink.add(at, words.label, words.tooltip);
  });
}

const VERBS: Record<NonNullable<EntryEffect['resolution']>, [label: string, sentence: string]> = {
  stops: ['stops resolution', 'The resolution clock stops here: the incident is resolved.'],
  pauses: ['pauses resolution', "The resolution clock pauses here (a status in the policy's pause_on)."],
  resumes: ['resumes resolution', 'The resolution clock runs again here, after a pause.'],
  reopens: ['reopens resolution', 'The resolution clock runs again here: the incident was resolved and is reopened.'],
};

function effectWords(effect: EntryEffect): { label: string; tooltip: string } {
  if (effect.later) return { label: 'not yet: after now', tooltip: 'This entry lies after "now": it counts for nothing yet.' };
  const labels: string[] = [];
  const sentences: string[] = [];
  if (effect.response) {
    labels.push('stops response');
    sentences.push('The response clock stops here: someone took the incident.');
  }
  if (effect.resolution) {
    const [label, sentence] = VERBS[effect.resolution];
    labels.push(label);
    sentences.push(sentence);
  }
  if (!labels.length) return { label: 'clocks unchanged', tooltip: 'This entry neither stops, pauses nor restarts a clock.' };
  return { label: labels.join(' · '), tooltip: sentences.join(' ') };
}
