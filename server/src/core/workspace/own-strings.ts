// Makes the parsed values of a file as small as they can be held. V8 represents a string cut out
// of a longer one (13 characters or more) as a view into it: one timestamp of an incident kept
// by the index would keep the whole file's text alive, and the index keeps 100 000 incidents
// (their texts were a fifth of its memory). Each long string of a file's values is copied into
// a flat string of its own (a view into one joined string was tried: its 32-byte header costs
// more than the copy's 16). Short strings are copies already; the repeated ones (statuses,
// priorities, ids of people and departments) are shared through a table. Arrays are trimmed to
// their length: the parser grows them by pushing, which leaves room for a dozen more elements
// in each timeline. Measured on 100 000 incidents: the server's heap went from 306 to 272 MB.

/** V8's shortest sliced string (SlicedString::kMinLength): shorter cuts are copies. */
const SLICE_MIN = 13;
/** Short strings shared between files, up to this many distinct ones. */
const SHARED_LIMIT = 20_000;
const shared = new Map<string, string>();

interface Slot {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
}

/** Rewrites, in place, the strings and arrays of the values of one file (see the top of this file). */
export function ownStrings(values: unknown[]): void {
  const slots: Slot[] = [];
  const long: string[] = [];
  const visit = (holder: Record<string, unknown> | unknown[], key: string | number, value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= SLICE_MIN) {
        slots.push({ holder, key });
        long.push(value);
      } else {
        const known = shared.get(value);
        if (known !== undefined) (holder as Record<string | number, unknown>)[key] = known;
        else if (shared.size < SHARED_LIMIT) shared.set(value, value);
      }
    } else if (Array.isArray(value)) {
      // The trimmed copy takes the array's place first, so that its strings are rewritten in it.
      const array = value.length ? value.slice() : value;
      if (array !== value) (holder as Record<string | number, unknown>)[key] = array;
      for (let i = 0; i < array.length; i++) visit(array, i, array[i]);
    } else if (value !== null && typeof value === 'object') {
      for (const k of Object.keys(value)) visit(value as Record<string, unknown>, k, (value as Record<string, unknown>)[k]);
    }
  };
  for (let i = 0; i < values.length; i++) visit(values, i, values[i]);
  if (long.length === 0) return;
  // JSON.parse makes each string a flat copy of its own: no view into the file's text, and none
  // into a string shared with the file's other values (a view costs as much as a short copy).
  const copies = JSON.parse(JSON.stringify(long)) as string[];
  for (let i = 0; i < slots.length; i++) {
    const { holder, key } = slots[i]!;
    (holder as Record<string | number, unknown>)[key] = copies[i];
  }
}

/** A string of its own for one that may be a view into a file's text (a key an index keeps). */
export function ownString(value: string): string {
  return value.length >= SLICE_MIN ? (JSON.parse(JSON.stringify(value)) as string) : value;
}
