// timeline-order: an incident's timeline is in time order and starts no earlier than `opened`
// (spec §4); the clocks are only meaningful then.

import { parseTimestamp } from '../time/timestamp';
import type { Rule } from './rule';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  defaultSeverity: 'error',
  description: 'Incident timeline entries must be in time order and not before the incident was opened.',
  kinds: ['incident'],
  check(entity, ctx) {
    const opened = parseTimestamp(entity.value.opened);
    const timeline: unknown = entity.value.timeline;
    if (!Array.isArray(timeline)) return;
    // The latest entry so far (no object per entry: this runs for every incident).
    let previousAt = -Infinity;
    let previousText = '';
    let previousIndex = -1;
    timeline.forEach((entry, index) => {
      const text = entry?.at;
      const at = parseTimestamp(text);
      if (at === undefined) return; // the schema reports malformed timestamps
      if (opened !== undefined && at < opened) {
        ctx.report({
          code: 'timeline-order',
          at: { file: entity.file, doc: entity.doc, path: ['timeline', index, 'at'] },
          message: `timeline entry ${index + 1} (${entry.status ?? 'no status'} at ${text}) is before the incident was opened (${entity.value.opened})`,
          related: [{ at: { file: entity.file, doc: entity.doc, path: ['opened'] }, message: 'opened here' }],
        });
      } else if (at < previousAt) {
        ctx.report({
          code: 'timeline-order',
          at: { file: entity.file, doc: entity.doc, path: ['timeline', index, 'at'] },
          message: `timeline entry ${index + 1} (${entry.status ?? 'no status'} at ${text}) is earlier than entry ${previousIndex + 1} (${previousText}); keep the timeline in time order`,
          related: [{ at: { file: entity.file, doc: entity.doc, path: ['timeline', previousIndex, 'at'] }, message: `entry ${previousIndex + 1}, which comes before it in the list` }],
        });
      }
      if (at >= previousAt) {
        previousAt = at;
        previousText = text;
        previousIndex = index;
      }
    });
  },
};
