// Every path of a `yaml` node tree, for tests that compare readers node by node.

import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Path } from '../../server/src/core/model';

/** The path of every map entry and sequence item under `node`, parents before children. */
export function allPaths(node: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const p = [...prefix, String(pair.key.value)];
      out.push(p);
      allPaths(pair.value, p, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      out.push([...prefix, i]);
      allPaths(item, [...prefix, i], out);
    });
  }
  return out;
}
