// The tree the editor's lenient YAML reader builds (read.ts): block and flow maps and
// sequences and scalars, each with its offsets in the text, and pairs and items that may be
// half typed (a key without its colon yet, a word where an item's `- ` belongs).

export interface TreeScalar {
  type: 'scalar';
  start: number;
  end: number;
  /** The scalar's text: unquoted, or the raw text of a block scalar. */
  value: string;
  quoted: boolean;
}

export interface TreePair {
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Offset just after the `:`; -1 for a key still being typed (no colon yet). */
  colon: number;
  value: TreeNode | null;
  /** Where the pair starts (its key) and ends (its value's end, or the colon). */
  start: number;
  end: number;
}

export interface TreeItem {
  /** Offset of the `-` (block) or of the item's first character (flow). */
  start: number;
  end: number;
  node: TreeNode | null;
  /** A word typed where a new item's `- ` belongs (not YAML yet; what completion completes). */
  dashless?: boolean;
}

export interface TreeMap {
  type: 'map';
  start: number;
  end: number;
  flow: boolean;
  /** Column of the keys (block maps). */
  col: number;
  pairs: TreePair[];
}

export interface TreeSeq {
  type: 'seq';
  start: number;
  end: number;
  flow: boolean;
  /** Column of the dashes (block sequences). */
  col: number;
  items: TreeItem[];
}

export type TreeNode = TreeScalar | TreeMap | TreeSeq;

export interface TreeDoc {
  index: number;
  startLine: number;
  /** Last line of the document (inclusive). */
  endLine: number;
  root: TreeNode | null;
}

export interface Tree {
  text: string;
  lineStarts: number[];
  docs: TreeDoc[];
}

