// Where the block reader (block-yaml.ts) found each node of the text it read last, kept flat in
// one reused buffer: four numbers a node, in document order, and the value of each map key.
// Reading them costs the reader a few writes a node; a diagnostic placed in the file just read
// (`tam validate` places an incident's right after checking it) then needs no second read of
// its text, which was a twentieth of a cold run with findings. Any other read overwrites them;
// they belong to the one text they were read from.

/** A node and its span, in the terms locate.ts reads: a map's children are key, value, key, value… */
export interface SpanNode {
  start: number;
  end: number;
  /** null: an empty value (`key:` with nothing after it). */
  kind: 'mapping' | 'sequence' | 'scalar' | null;
  /** A scalar's value, for matching map keys (the block reader gives it for keys only). */
  value?: unknown;
  children: SpanNode[];
}

export const NULL = 0;
export const SCALAR = 1;
export const MAPPING = 2;
export const SEQUENCE = 3;
const KINDS: SpanNode['kind'][] = [null, 'scalar', 'mapping', 'sequence'];

/** Past this many numbers, the buffer of one big file is not kept for the next. */
const KEPT_NUMBERS = 1 << 16;

export class SpanLog {
  /** Per node: kind, start, end, and the index of the node after its subtree. */
  private data = new Int32Array(1024);
  /**
   * Per node: a map key's value, else undefined. Written over from the start by each read, never
   * emptied (emptying an array lets go of its memory, and each read would grow it again): past
   * the last read's nodes it holds an earlier one's keys, which nothing reads.
   */
  private readonly keys: unknown[] = [];
  private length = 0;
  /** The text the nodes are of, once it has been read whole; undefined while reading or after giving up. */
  text: string | undefined;

  /** Forgets the last text's nodes before another is read. */
  reset(): void {
    this.text = undefined;
    this.length = 0;
    if (this.data.length > KEPT_NUMBERS) {
      this.data = new Int32Array(1024);
      this.keys.length = 0;
    }
  }

  /** A node begins: returns its index, for `close`. */
  open(kind: number, start: number, key?: unknown): number {
    const i = this.length++;
    if (4 * this.length > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[4 * i] = kind;
    this.data[4 * i + 1] = start;
    this.keys[i] = key;
    return i;
  }

  /** The node ends, after every node it holds. */
  close(i: number, end: number): void {
    this.data[4 * i + 2] = end;
    this.data[4 * i + 3] = this.length;
  }

  leaf(kind: number, start: number, end: number, key?: unknown): void {
    this.close(this.open(kind, start, key), end);
  }

  /** What a node is: NULL, SCALAR, MAPPING or SEQUENCE (the root is node 0). */
  kind(i: number): number {
    return this.data[4 * i]!;
  }

  start(i: number): number {
    return this.data[4 * i + 1]!;
  }

  end(i: number): number {
    return this.data[4 * i + 2]!;
  }

  /** The node after i's subtree: i's first child is i + 1, its next sibling after(i). */
  after(i: number): number {
    return this.data[4 * i + 3]!;
  }

  /** A map key's value, else undefined. */
  key(i: number): unknown {
    return this.keys[i];
  }

  /** The nodes as a tree (the root is the first node). */
  tree(i = 0): SpanNode {
    const d = this.data;
    const children: SpanNode[] = [];
    for (let c = i + 1; c < d[4 * i + 3]!; c = d[4 * c + 3]!) children.push(this.tree(c));
    const node: SpanNode = { start: d[4 * i + 1]!, end: d[4 * i + 2]!, kind: KINDS[d[4 * i]!]!, children };
    if (this.keys[i] !== undefined) node.value = this.keys[i];
    return node;
  }
}
