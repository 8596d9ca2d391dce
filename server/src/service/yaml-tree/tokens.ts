// The character-level rules both readers of the lenient tree share: what counts as a space or
// a flow indicator, where a plain scalar ends (before ` #`), where a quote closes and what a
// quoted scalar reads as.

export { closingQuote } from '../../core/workspace/yaml-scalars';

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

export function isFlowEnd(c: number): boolean {
  return c === 44 || c === 93 || c === 125;
}

export function trimEnd(t: string, start: number, end: number): number {
  while (end > start && isSpace(t.charCodeAt(end - 1))) end--;
  return end;
}

/** Where a plain scalar on one line ends: before ` #` and trailing spaces. */
export function plainEnd(t: string, start: number, e: number): number {
  for (let j = start + 1; j < e; j++) {
    if (t.charCodeAt(j) === 35 && isSpace(t.charCodeAt(j - 1))) return trimEnd(t, start, j);
  }
  return trimEnd(t, start, e);
}

export function unquote(raw: string): string {
  if (raw.length === 0) return raw;
  const q = raw[0];
  const closed = raw.length > 1 && raw[raw.length - 1] === q;
  const inner = raw.slice(1, closed ? -1 : undefined);
  if (q === "'") return inner.replace(/''/g, "'");
  if (q === '"') {
    return inner.replace(/\\(["\\/bfnrt])/g, (_, ch: string) => ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' })[ch] ?? ch);
  }
  return raw;
}
