import * as fs from 'node:fs';
import { LspClient } from '../test/lsp/client';
function rss(pid: number) { const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8'); const kb = (n: string) => Number(new RegExp(`${n}:\\s+(\\d+)`).exec(s)?.[1]); return `${(kb('VmRSS') / 1024).toFixed(0)} MB (peak ${(kb('VmHWM') / 1024).toFixed(0)})`; }
async function main() {
  const dir = process.argv[2]!;
  const t0 = performance.now();
  const nodeArgs = (process.env.TAM_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const c = await LspClient.start(dir, { now: '2026-11-25T12:00:00+03:00', debounceMs: 60 }, nodeArgs);
  await c.waitFor(() => c.notificationsOf('tam/indexed').length > 0, 600_000, 'indexed');
  console.log('indexed', (performance.now() - t0).toFixed(0), 'ms', rss(c.child.pid!));
  await c.waitFor(() => c.progress.some((p) => p.value?.kind === 'end'), 600_000, 'first diagnostics');
  console.log('first diagnostics', (performance.now() - t0).toFixed(0), 'ms', rss(c.child.pid!), 'published', c.diagnostics.size);
  await new Promise((r) => setTimeout(r, 3000));
  console.log('settled', rss(c.child.pid!));
  console.log(JSON.stringify(await c.request('tam/serverStats', {})));
  await c.stop();
}
main();
