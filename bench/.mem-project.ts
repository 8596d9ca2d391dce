import { Project } from '../server/src/lsp/project';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';
const gc = (globalThis as any).gc as () => void;
const mb = (n: number) => (n / 2 ** 20).toFixed(1);
async function main() {
  gc(); const base = process.memoryUsage().heapUsed;
  const settings = { ...DEFAULT_SETTINGS, now: Date.parse('2026-11-25T12:00:00+03:00') };
  let ended!: () => void;
  const done = new Promise<void>((r) => (ended = r));
  const p = new Project(process.argv[2]!, () => settings, { publish: () => {}, progress: (k) => k === 'end' && ended(), indexed: () => {}, log: () => {} });
  await p.load(); await done;
  gc(); const live = process.memoryUsage().heapUsed - base;
  const n = [...p.ws.files()].length;
  console.log('live MB', mb(live), 'per file', (live / n).toFixed(0));
  const measure = (name: string, fn: () => void) => { gc(); const a = process.memoryUsage().heapUsed; fn(); gc(); const b = process.memoryUsage().heapUsed; console.log(name, ((a - b) / n).toFixed(0), 'B/file'); };
  measure('clock memo', () => (p.ws as any).derived.clear());
  measure('publisher', () => { (p as any).publisher.diagnostics.clear(); (p as any).publisher.published.clear(); });
  measure('timeDependent+cost', () => { (p as any).timeDependent.clear(); (p as any).cost.clear(); });
  console.log(n, p.ws.version);
  p.dispose();
}
main();
