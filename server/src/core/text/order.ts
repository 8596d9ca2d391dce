// The one order in which ids and names are listed, everywhere: code-point order, the same on
// every machine whatever its locale (localeCompare differs between an English and a Turkish
// system, and between Node and a browser). `tam plan`, `tam sla`, the tree view and the
// webviews list things in this order.

/** Code-point order of two texts. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Things with an id, by id. */
export function byId(a: { id: string }, b: { id: string }): number {
  return compareText(a.id, b.id);
}
