// Makes the strings of parsed values stop holding on to the file's text. V8 represents a string
// cut out of a longer one (13 characters or more) as a view into it: one timestamp of an
// incident kept by the index would keep the whole file's text alive, and the index keeps
// 100 000 incidents (their texts were a fifth of its memory). The long strings of a file's
// values are copied into one joined string, and cut out of that again: one allocation for the
// file, only the characters the values need. Short strings are copies already; the repeated
// ones (statuses, priorities, ids of people and departments) are shared through a table.

/** V8's shortest sliced string (SlicedString::kMinLength): shorter cuts are copies. */
const SLICE_MIN = 13;
/** Short strings shared between files, up to this many distinct ones. */
const SHARED_LIMIT = 20_000;
const shared = new Map<string, string>();

interface Slot {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
}

/** Rewrites, in place, the strings of the values of one file (see the top of this file). */
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
      for (let i = 0; i < value.length; i++) visit(value, i, value[i]);
    } else if (value !== null && typeof value === 'object') {
      for (const k of Object.keys(value)) visit(value as Record<string, unknown>, k, (value as Record<string, unknown>)[k]);
    }
  };
  for (let i = 0; i < values.length; i++) visit(values, i, values[i]);
  if (long.length === 0) return;
  // join builds one flat string; the cuts out of it view it instead of the file's text.
  const joined = long.join('');
  let at = 0;
  for (let i = 0; i < slots.length; i++) {
    const { holder, key } = slots[i]!;
    const length = long[i]!.length;
    (holder as Record<string | number, unknown>)[key] = joined.slice(at, at + length);
    at += length;
  }
}
