// The editor's lenient YAML tree: what it is made of (nodes.ts), how it is read from a text
// that may be half typed (read.ts, with flow.ts and tokens.ts), and what the features ask of
// it (query.ts).

export type { Tree, TreeDoc, TreeItem, TreeMap, TreeNode, TreePair, TreeScalar, TreeSeq } from './nodes';
export { parseDocAt, parseTree } from './read';
export { closingQuote } from './tokens';
export { docOfLine, findPair, hitAt, nodeAtPath, rootScalar, toValue, type Hit } from './query';
