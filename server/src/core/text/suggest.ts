// Did-you-mean: the closest known word to a misspelt one, by edit distance.

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment), since "cuase" for "cause" is one slip of the fingers. Stops early past `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, before[j - 2]! + 1);
      }
      cur[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Beyond this many candidates, a suggestion is a word one edit away or none. Scanning every
 * candidate made each unknown id cost time in proportion to all the ids: 636 postmortems naming
 * incidents that were gone took 6.6 s against 5 000 incident ids (hours at 100 000). And among
 * thousands of ids of one shape ("INC-2026-01263") nearly every one is within a third of the
 * length of nearly every other, so a guess further than one slip of the fingers is noise.
 */
export const SCAN_LIMIT = 1000;

/**
 * The candidate closest to `word`, if it is close enough to be a likely typo: at most a third
 * of the word's length away (and at least one edit allowed), case differences counting little;
 * from more than SCAN_LIMIT candidates, one edit away at most.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Suggestions(candidates).closest(word);
}

/**
 * The candidates of `closest`, prepared once for many words: a large set is looked up by the
 * words one edit away from each, not scanned (keep one while the candidates do not change).
 */
export class Suggestions {
  /** A small set, scanned. */
  private readonly few?: readonly string[];
  /** A large set: the candidates by their lower case, and the characters they use. */
  private readonly byLower?: Map<string, string[]>;
  private readonly alphabet?: string[];

  constructor(candidates: Iterable<string>) {
    const all = Array.isArray(candidates) ? candidates : [...candidates];
    if (all.length <= SCAN_LIMIT) {
      this.few = all;
      return;
    }
    this.byLower = new Map();
    const chars = new Set<string>();
    for (const c of all) {
      const lower = c.toLowerCase();
      const same = this.byLower.get(lower);
      if (same) same.push(c);
      else this.byLower.set(lower, [c]);
      for (const ch of lower) chars.add(ch);
    }
    this.alphabet = [...chars];
  }

  closest(word: string): string | undefined {
    return this.few ? scan(word, this.few) : this.oneEditAway(word, this.byLower!, this.alphabet!);
  }

  /** What `scan` would answer when its answer is at most one edit away, else undefined. */
  private oneEditAway(word: string, byLower: Map<string, string[]>, alphabet: readonly string[]): string | undefined {
    const lower = word.toLowerCase();
    let best: string | undefined;
    const consider = (c: string): void => {
      if (c !== word && (best === undefined || c < best)) best = c;
    };
    // Case alone (half an edit) beats any edit.
    for (const c of byLower.get(lower) ?? []) consider(c);
    if (best !== undefined) return best;
    const look = (variant: string): void => {
      if (variant === lower) return;
      for (const c of byLower.get(variant) ?? []) consider(c);
    };
    const n = lower.length;
    for (let i = 0; i <= n; i++) {
      const head = lower.slice(0, i);
      const rest = lower.slice(i);
      for (const ch of alphabet) look(head + ch + rest); // an insertion
      if (i === n) break;
      const tail = lower.slice(i + 1);
      look(head + tail); // a deletion
      for (const ch of alphabet) if (ch !== lower[i]) look(head + ch + tail); // a substitution
      if (i + 1 < n) look(head + lower[i + 1] + lower[i] + lower.slice(i + 2)); // a swap
    }
    return best;
  }
}

/** Every candidate compared with the word. */
function scan(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === lower ? 0.5 : editDistance(lower, c.toLowerCase(), limit);
    // Ties go to the first in alphabetical order, not in iteration order: the same answer
    // whatever order the index was built in (a fresh check, an edited one, a cached one).
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
