// `npm run bench`: one run that measures TAM Workbench beside what users would use instead, on
// the same generated files and the same machine, and prints a Markdown table with ratios.
// - `tam validate` on the whole workspace (every rule, exact positions) vs `ajv-cli` on the
//   incident files alone vs a bare parse of every file (the floor), each a fresh process,
//   median of several runs; and `tam validate --cache` as CI and hooks run it;
// - the language server vs yaml-language-server on the same 2 000-line chain file;
// - SLA clocks of 100 000 incidents; bundle and .vsix sizes;
// - 10 000 against 100 000 incidents: time, memory, answers while indexing, the cache, and that
//   the results agree (bench/scale.bench.ts; TAM_BENCH_SCALE=0 leaves it out).
// Timings are printed, never asserted: tests do not depend on the machine's speed.

import { spawnSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkspace } from './generate';

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, 'bench/.work');
const RUNS = Number(process.env.TAM_BENCH_RUNS ?? 5);
const NOW = '2026-11-25T12:00:00+03:00';

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Wall time of a command in ms, median of `runs` fresh processes; `before` runs untimed before each. */
function timeCommand(args: string[], cwd = ROOT, before?: (run: number) => void, runs = RUNS): { ms: number; status: number | null } {
  const times: number[] = [];
  let status: number | null = null;
  for (let i = 0; i < runs; i++) {
    before?.(i);
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
    times.push(performance.now() - t);
    status = r.status;
  }
  return { ms: median(times), status };
}

/** Peak RSS of a command in MB, by GNU time where the machine has it. */
function peakRss(args: string[], cwd = ROOT): number | undefined {
  if (!fs.existsSync('/usr/bin/time')) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : undefined;
}

function runScript(script: string, args: string[] = []): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

function size(file: string): string {
  if (!fs.existsSync(file)) return 'not built';
  const kb = fs.statSync(file).size / 1024;
  return kb > 1024 ? `${(kb / 1024).toFixed(2)} MB` : `${kb.toFixed(0)} KB`;
}

/**
 * `tam validate --cache` as CI and hooks run it, each against the same ajv-cli time: nothing
 * changed; one incident edited since the cached run; a day later (forecasts and running clocks
 * move); a fresh git clone with the cache restored and one file changed (content known from
 * git's blob ids); the same without git, every file's time new (every file read and hashed).
 */
function cacheRows(ws: string, incidents: string[], ajvMs: number): string[][] {
  const tam = path.join(ROOT, 'dist/tam.js');
  const run = (dir: string, now = NOW, before?: (run: number) => void) => timeCommand([tam, 'validate', dir, '--cache', '--format', 'json', '--now', now], ROOT, before);
  const vsAjv = (ms: number) => (ms <= ajvMs ? `${(ajvMs / ms).toFixed(2)}× faster than ajv-cli` : `${(ms / ajvMs).toFixed(2)}× the time of ajv-cli`);
  const cacheFile = path.join(ws, '.tamcache');
  const saved = path.join(WORK, 'tamcache.json');
  const edit = (dir: string, i: number) => {
    const file = path.join(dir, incidents[(i * 7919) % incidents.length]!);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: Edited in bench run ${i} ${Date.now()}`));
  };
  const rows: string[][] = [];

  const git = (dir: string, ...args: string[]) => spawnSync('git', args, { cwd: dir, stdio: 'ignore' });
  git(ws, 'init', '-q');
  git(ws, 'add', '-A');
  git(ws, '-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'bench');
  fs.rmSync(cacheFile, { force: true });
  const first = timeCommand([tam, 'validate', ws, '--cache', '--format', 'json', '--now', NOW], ROOT, () => fs.rmSync(cacheFile, { force: true }));
  rows.push(['`tam validate --cache`, first run (no cache yet: checks everything, writes it)', `${first.ms.toFixed(0)} ms`, vsAjv(first.ms)]);
  run(ws);
  fs.copyFileSync(cacheFile, saved);
  const same = run(ws);
  rows.push(['`tam validate --cache`, nothing changed since the cached run', `${same.ms.toFixed(0)} ms`, vsAjv(same.ms)]);
  const cachedRss = peakRss([tam, 'validate', ws, '--cache', '--format', 'json', '--now', NOW]);
  if (cachedRss !== undefined) rows.push(['peak RSS: `tam validate --cache`, nothing changed / cache file size', `${cachedRss.toFixed(0)} MB / ${(fs.statSync(cacheFile).size / 2 ** 20).toFixed(1)} MB`, '']);
  const one = run(ws, NOW, (i) => edit(ws, i));
  rows.push(['`tam validate --cache`, one incident edited since the cached run', `${one.ms.toFixed(0)} ms`, vsAjv(one.ms)]);
  git(ws, 'checkout', '-q', '--', '.');
  const nextDay = run(ws, '2026-11-26T12:00:00+03:00', () => fs.copyFileSync(saved, cacheFile));
  rows.push(['`tam validate --cache`, a day later (forecasts, running clocks and review dates re-checked)', `${nextDay.ms.toFixed(0)} ms`, vsAjv(nextDay.ms)]);

  // CI: a fresh clone, the cache restored from the last run, one file changed by the pull request.
  const clone = `${ws}-clone`;
  try {
    spawnSync('git', ['clone', '-q', ws, clone], { stdio: 'ignore' });
    const ci = run(clone, NOW, (i) => {
      fs.copyFileSync(saved, path.join(clone, '.tamcache'));
      spawnSync('git', ['checkout', '-q', '--', '.'], { cwd: clone, stdio: 'ignore' });
      edit(clone, i);
    });
    rows.push(['`tam validate --cache` in CI: fresh clone, cache restored, one file changed (git knows the rest)', `${ci.ms.toFixed(0)} ms`, vsAjv(ci.ms)]);
  } finally {
    fs.rmSync(clone, { recursive: true, force: true });
  }
  // Without git, every file's time new: each is read and hashed.
  const copy = `${ws}-copy`;
  try {
    fs.cpSync(ws, copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}.git`) });
    const hashed = run(copy, NOW, () => fs.copyFileSync(saved, path.join(copy, '.tamcache')));
    rows.push(['`tam validate --cache` outside git, every file new by its time (read and hashed)', `${hashed.ms.toFixed(0)} ms`, vsAjv(hashed.ms)]);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
  fs.rmSync(cacheFile, { force: true });
  return rows;
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'dist/tam.js'))) throw new Error('run `npm run build` first');
  fs.mkdirSync(WORK, { recursive: true });
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-bench-'));
  const rows: string[][] = [];
  try {
    const { files } = generateWorkspace(ws, { incidents: 10_000, chains: 200, longChainTasks: 290, seed: 20261125 });
    const incidents = fs.readdirSync(ws, { recursive: true, encoding: 'utf8' }).filter((f) => /incidents\/.*\.yaml$/.test(f.split(path.sep).join('/')));
    console.error(`generated ${files} files (${incidents.length} incidents) in ${ws}`);

    // The floor: read and parse every file, nothing else, in a fresh process.
    const floor = path.join(WORK, 'parse-floor.js');
    esbuild.buildSync({ entryPoints: [path.join(ROOT, 'bench/parse-floor.ts')], bundle: true, platform: 'node', outfile: floor, logLevel: 'warning' });

    // tam and ajv-cli in turns, one of each at a time: these VMs slow down and speed up over
    // minutes, so blocks of runs a minute apart are not comparable. The ratio is the turns' median.
    const turns: { tam: number; ajv: number }[] = [];
    for (let i = 0; i < Math.max(RUNS, 5); i++) {
      const a = timeCommand(
        [require.resolve('ajv-cli/dist/index.js'), 'validate', '--spec=draft2020', '--strict=false', '-s', path.join(ROOT, 'schemas/incident.schema.json'), '-d', 'projects/*/incidents/*.yaml'],
        ws,
        undefined,
        1,
      );
      const t = timeCommand([path.join(ROOT, 'dist/tam.js'), 'validate', ws, '--format', 'json', '--now', NOW], ROOT, undefined, 1);
      turns.push({ tam: t.ms, ajv: a.ms });
    }
    const tam = { ms: median(turns.map((t) => t.tam)) };
    const ajv = { ms: median(turns.map((t) => t.ajv)) };
    const turnRatio = median(turns.map((t) => t.tam / t.ajv));
    const yamlFloor = timeCommand([floor, ws, 'yaml']);
    const jsYamlFloor = timeCommand([floor, ws, 'js-yaml']);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    const speed = turnRatio <= 1 ? `${(1 / turnRatio).toFixed(2)}× faster than ajv-cli` : `${turnRatio.toFixed(2)}× the time of ajv-cli (target: half)`;
    rows.push([`\`tam validate\` (all ${files} files, every rule, exact positions)`, `${tam.ms.toFixed(0)} ms`, speed]);
    rows.push(['`ajv-cli validate` (incident files only, schema only, js-yaml, no positions)', `${ajv.ms.toFixed(0)} ms`, 'the peer']);
    rows.push(['bare parse of every file with `yaml` (ranges kept; the floor)', `${yamlFloor.ms.toFixed(0)} ms`, `tam is ${ratio(tam.ms, yamlFloor.ms)} of it`]);
    rows.push(['bare parse of every file with `js-yaml`', `${jsYamlFloor.ms.toFixed(0)} ms`, `tam is ${ratio(tam.ms, jsYamlFloor.ms)} of it`]);

    const ajvRss = peakRss([require.resolve('ajv-cli/dist/index.js'), 'validate', '--spec=draft2020', '--strict=false', '-s', path.join(ROOT, 'schemas/incident.schema.json'), '-d', 'projects/*/incidents/*.yaml'], ws);
    const tamRss = peakRss([path.join(ROOT, 'dist/tam.js'), 'validate', ws, '--format', 'json', '--now', NOW]);
    if (ajvRss !== undefined && tamRss !== undefined) rows.push(['peak RSS: `tam validate` / `ajv-cli`', `${tamRss.toFixed(0)} / ${ajvRss.toFixed(0)} MB`, '']);
    rows.push(...cacheRows(ws, incidents, ajv.ms));

    const sample = timeCommand([path.join(ROOT, 'dist/tam.js'), 'validate', path.join(ROOT, 'sample-workspace'), '--format', 'json', '--now', NOW]);
    rows.push(['`tam validate` on the sample workspace (85 files)', `${sample.ms.toFixed(0)} ms`, '']);

    for (const line of runScript('bench/sla.bench.ts').trim().split('\n')) {
      const m = /^(sla [^:]+): (.*)$/.exec(line);
      if (m) rows.push([m[1]!, m[2]!, '']);
    }

    const ours = runScript('bench/lsp.bench.ts');
    const theirs = JSON.parse(runScript('bench/yamlls.bench.ts').trim().split('\n').pop()!);
    const ourTable = ours.trim().split('\n').filter((l) => /\d/.test(l) && !l.startsWith('generated'));
    for (const line of ourTable) {
      const sub = line.startsWith('  ');
      const [label, value, ...rest] = line.trim().split(/\s{2,}/);
      rows.push([`server: ${sub ? '↳ ' : ''}${label}`, value ?? '', rest.join(' ')]);
    }
    const chainEdits = ourTable.find((l) => l.includes('chain, all three'));
    const ourP95 = chainEdits ? Number(/\/ ([\d.]+) ms/.exec(chainEdits)?.[1]) : NaN;
    const ourDebounce = Number(/debounce (\d+) ms/.exec(ours)?.[1] ?? 60);
    rows.push([
      `yaml-language-server, edit → diagnostics on the ${theirs.lines}-line chain, p50 / p95`,
      `${theirs.editP50.toFixed(1)} / ${theirs.editP95.toFixed(1)} ms`,
      `its ${theirs.delayMs} ms validation delay excluded; ours p95 is ${ratio(ourP95, theirs.editP95)} of it`,
    ]);
    rows.push([
      'what a user waits after typing, p95 (each server\'s own fixed delay included)',
      `ours ${(ourP95 + ourDebounce).toFixed(0)} ms, yaml-language-server ${(theirs.editP95 + theirs.delayMs).toFixed(0)} ms`,
      `ours is ${ratio(ourP95 + ourDebounce, theirs.editP95 + theirs.delayMs)} of it`,
    ]);
    rows.push(['yaml-language-server, completion p50 / p95', `${theirs.completionP50.toFixed(1)} / ${theirs.completionP95.toFixed(1)} ms`, '']);
    rows.push(['yaml-language-server, RSS with the one file open', `${theirs.rssMb.toFixed(0)} MB`, '']);

    // Years of a large provider's history: 10 000 against 100 000 incidents (bench/scale.bench.ts).
    if (process.env.TAM_BENCH_SCALE !== '0') {
      for (const line of runScript('bench/scale.bench.ts').trim().split('\n')) {
        const m = /^scale \| (.*) \| (.*) \| (.*)$/.exec(line);
        if (m) rows.push([m[1]!, m[2]!, m[3]!]);
      }
    }

    rows.push(['bundle: dist/tam-cli.js (run by the launcher dist/tam.js) / dist/server.js', `${size(path.join(ROOT, 'dist/tam-cli.js'))} / ${size(path.join(ROOT, 'dist/server.js'))}`, '']);
    rows.push(['bundle: extension/dist/extension.js', size(path.join(ROOT, 'extension/dist/extension.js')), '']);
    const vsix = path.join(ROOT, 'dist/tam-workbench.vsix');
    rows.push(['extension .vsix', fs.existsSync(vsix) ? size(vsix) : 'not packaged (npm run package)', '']);
  } finally {
    fs.rmSync(ws, { recursive: true, force: true });
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nMachine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; medians of ${RUNS} runs.\n`);
  console.log('| measure | result | compared |');
  console.log('|---|---|---|');
  for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
}

main();
