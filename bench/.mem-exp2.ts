import { FileSystemHost } from '../server/src/core/workspace/host';
import { Workspace } from '../server/src/core/workspace/workspace';
const gc = (globalThis as any).gc as () => void;
const dir = process.argv[2]!;
gc(); const base = process.memoryUsage().heapUsed;
const ws = new Workspace(new FileSystemHost(dir));
let t = performance.now();
ws.loadAll();
console.log('load ms', (performance.now() - t).toFixed(0));
gc(); const loaded = process.memoryUsage().heapUsed;
const n = [...ws.files()].length;
console.log('files', n, 'heap MB', ((loaded - base) / 2 ** 20).toFixed(1), 'per file B', ((loaded - base) / n).toFixed(0));
const mode = process.argv[3];
const intern = new Map<string, string>();
const copy = (s: string): string => {
  if (mode === 'intern') { let c = intern.get(s); if (c === undefined) { c = s.length < 13 ? s : JSON.parse(JSON.stringify(s)) as string; intern.set(s, c); } return c; }
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
};
const walk = (v: any): any => {
  if (typeof v === 'string') return copy(v);
  if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) v[i] = walk(v[i]); return v; }
  if (v && typeof v === 'object') { for (const k of Object.keys(v)) v[k] = walk(v[k]); return v; }
  return v;
};
t = performance.now();
for (const r of ws.files()) for (const e of r.entities) if (e.path.length === 0) walk(e.value);
console.log('walk ms', (performance.now() - t).toFixed(0));
gc(); const after = process.memoryUsage().heapUsed;
console.log(mode, 'per file B', ((after - base) / n).toFixed(0), [...ws.files()].length);
