// The part of GitHub Actions' expression language that action.yml uses, evaluated as the runner
// does: property paths into the contexts (names may hold dashes), string literals, ==, !=, !,
// && and || (which yield an operand, not a boolean), parentheses, and the status functions.
// Comparisons follow GitHub's rules: strings ignore case, other mixed types compare as numbers.

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface Scope {
  contexts: Record<string, Value>;
  /** Whether every earlier step succeeded (continue-on-error failures count as success). */
  succeeded: boolean;
}

type Token = { kind: 'string' | 'number' | 'name' | 'op'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let text = '';
      i++;
      for (;;) {
        if (i >= source.length) throw new Error(`unterminated string in ${source}`);
        if (source[i] === "'" && source[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (source[i] === "'") {
          i++;
          break;
        } else {
          text += source[i++];
        }
      }
      tokens.push({ kind: 'string', text });
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9.]+/.exec(source.slice(i))![0];
      tokens.push({ kind: 'number', text: m });
      i += m.length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'name', text: m });
      i += m.length;
    } else {
      const op = ['==', '!=', '&&', '||'].find((o) => source.startsWith(o, i)) ?? (/[!()]/.test(c) ? c : undefined);
      if (!op) throw new Error(`unexpected "${c}" in ${source}`);
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    }
  }
  return tokens;
}

export function truthy(v: Value): boolean {
  return !(v === false || v === null || v === '' || v === 0 || (typeof v === 'number' && Number.isNaN(v)));
}

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return NaN;
}

function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b && a !== null && typeof a !== 'object') return a === b;
  if (a === null && b === null) return true;
  return toNumber(a) === toNumber(b);
}

/** Evaluates one expression; `usesStatus` tells whether it called a status function. */
export function evaluate(source: string, scope: Scope): { value: Value; usesStatus: boolean } {
  const tokens = tokenize(source);
  let pos = 0;
  let usesStatus = false;
  const peek = () => tokens[pos];
  const take = (text?: string) => {
    const t = tokens[pos++];
    if (!t || (text && t.text !== text)) throw new Error(`expected ${text ?? 'a value'} in ${source}`);
    return t;
  };
  const lookup = (name: string): Value => {
    let v: Value | undefined = scope.contexts;
    for (const part of name.split('.')) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Value>)[part] : undefined;
    return v ?? null;
  };
  const primary = (): Value => {
    const t = take();
    if (t.kind === 'string') return t.text;
    if (t.kind === 'number') return Number(t.text);
    if (t.kind === 'op' && t.text === '!') return !truthy(primary());
    if (t.kind === 'op' && t.text === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (t.kind === 'name') {
      if (t.text === 'true' || t.text === 'false') return t.text === 'true';
      if (t.text === 'null') return null;
      if (peek()?.text === '(') {
        take('(');
        take(')');
        usesStatus = true;
        switch (t.text) {
          case 'always':
            return true;
          case 'success':
            return scope.succeeded;
          case 'failure':
            return !scope.succeeded;
          case 'cancelled':
            return false;
          default:
            throw new Error(`function ${t.text}() is not known to this evaluator`);
        }
      }
      return lookup(t.text);
    }
    throw new Error(`unexpected "${t.text}" in ${source}`);
  };
  const comparison = (): Value => {
    let left = primary();
    while (peek()?.text === '==' || peek()?.text === '!=') {
      const op = take().text;
      const right = primary();
      left = op === '==' ? equal(left, right) : !equal(left, right);
    }
    return left;
  };
  const and = (): Value => {
    let left = comparison();
    while (peek()?.text === '&&') {
      take();
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const or = (): Value => {
    let left = and();
    while (peek()?.text === '||') {
      take();
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const value = or();
  if (pos !== tokens.length) throw new Error(`unexpected "${tokens[pos]!.text}" in ${source}`);
  return { value, usesStatus };
}

/** A step's `if:`: with an implicit success() when it calls no status function. */
export function condition(source: string | undefined, scope: Scope): boolean {
  if (source === undefined) return scope.succeeded;
  const inner = source.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const { value, usesStatus } = evaluate(inner, scope);
  return usesStatus ? truthy(value) : scope.succeeded && truthy(value);
}

/** A string with `${{ … }}` parts replaced by their values. */
export function interpolate(text: string, scope: Scope): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => {
    const { value } = evaluate(expr, scope);
    return value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}
