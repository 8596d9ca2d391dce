// Flow collections for the lenient reader: `[a, b]`, `{ id: x, title: "y" }`, possibly
// unclosed (the user is typing them), read up to a limit the block reader sets.

import type { TreeMap, TreeNode, TreePair, TreeScalar, TreeSeq } from './nodes';
import { closingQuote, isFlowEnd, isFlowIndicator, isSpace, unquote } from './tokens';

export class FlowReader {
  constructor(
    private readonly t: string,
    private readonly limit: number,
  ) {}

  node(i: number): TreeNode | undefined {
    const c = this.t.charCodeAt(i);
    if (c === 91) return this.seq(i);
    if (c === 123) return this.map(i);
    return this.scalar(i);
  }

  private skip(i: number): number {
    const t = this.t;
    while (i < this.limit) {
      const c = t.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else if (c === 35 && (i === 0 || isSpace(t.charCodeAt(i - 1)) || t.charCodeAt(i - 1) === 10)) {
        while (i < this.limit && t.charCodeAt(i) !== 10) i++;
      } else break;
    }
    return i;
  }

  private seq(start: number): TreeSeq {
    const seq: TreeSeq = { type: 'seq', start, end: this.limit, flow: true, col: -1, items: [] };
    let i = start + 1;
    for (;;) {
      i = this.skip(i);
      if (i >= this.limit) break;
      const c = this.t.charCodeAt(i);
      if (c === 93 /* ] */) {
        seq.end = i + 1;
        return seq;
      }
      if (c === 44 /* , */) {
        i++;
        continue;
      }
      if (c === 125 /* } */) break; // a stray brace: the sequence is broken
      const node = this.node(i)!;
      let end = node.end;
      let itemNode: TreeNode = node;
      // `[a: b]`: an implicit one-pair map as an item.
      const after = this.skip(node.end);
      if (node.type === 'scalar' && this.t.charCodeAt(after) === 58 && (after + 1 >= this.limit || isSpace(this.t.charCodeAt(after + 1)) || isFlowIndicator(this.t.charCodeAt(after + 1)))) {
        const vs = this.skip(after + 1);
        const value = vs < this.limit && !isFlowEnd(this.t.charCodeAt(vs)) ? this.node(vs)! : null;
        end = value ? value.end : after + 1;
        itemNode = { type: 'map', start: node.start, end, flow: true, col: -1, pairs: [{ key: node.value, keyStart: node.start, keyEnd: node.end, colon: after + 1, value, start: node.start, end }] };
      }
      seq.items.push({ start: i, end, node: itemNode });
      i = Math.max(end, i + 1);
    }
    seq.end = this.limit;
    return seq;
  }

  private map(start: number): TreeMap {
    const map: TreeMap = { type: 'map', start, end: this.limit, flow: true, col: -1, pairs: [] };
    let i = start + 1;
    for (;;) {
      i = this.skip(i);
      if (i >= this.limit) break;
      const c = this.t.charCodeAt(i);
      if (c === 125) {
        map.end = i + 1;
        return map;
      }
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 93) break;
      const key = this.scalar(i);
      const pair: TreePair = { key: key.value, keyStart: key.start, keyEnd: key.end, colon: -1, value: null, start: key.start, end: key.end };
      map.pairs.push(pair);
      let j = this.skip(key.end);
      if (this.t.charCodeAt(j) === 58) {
        pair.colon = j + 1;
        pair.end = j + 1;
        j = this.skip(j + 1);
        if (j < this.limit && !isFlowEnd(this.t.charCodeAt(j))) {
          pair.value = this.node(j)!;
          pair.end = pair.value.end;
          j = pair.value.end;
        }
      }
      i = Math.max(j, key.end, i + 1);
    }
    map.end = this.limit;
    return map;
  }

  private scalar(i: number): TreeScalar {
    const t = this.t;
    const c = t.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = closingQuote(t, i, this.limit);
      const end = close === -1 ? this.limit : close + 1;
      return { type: 'scalar', start: i, end, value: unquote(t.slice(i, end)), quoted: true };
    }
    let j = i;
    let end = i;
    while (j < this.limit) {
      const d = t.charCodeAt(j);
      if (d === 44 || d === 91 || d === 93 || d === 123 || d === 125 || d === 10 || d === 13) break;
      if (d === 58 && (j + 1 >= this.limit || isSpace(t.charCodeAt(j + 1)) || isFlowIndicator(t.charCodeAt(j + 1)))) break;
      if (d === 35 && j > i && isSpace(t.charCodeAt(j - 1))) break;
      j++;
      if (!isSpace(d)) end = j;
    }
    return { type: 'scalar', start: i, end: Math.max(end, i), value: t.slice(i, Math.max(end, i)), quoted: false };
  }
}
