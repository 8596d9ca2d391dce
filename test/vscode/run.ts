/**
 * `npm run test:vscode`: the extension-host suite (test/vscode/suite/) in a VS Code downloaded by
 * @vscode/test-electron. Where VS Code cannot be downloaded (machines that reach only npm and
 * Debian), it says so and exits 0: "skipped: VS Code cannot be downloaded here". The
 * code-server suite (test/e2e/extension.e2e.ts) covers the UI on such machines.
 *
 * Steps: build the extension (esbuild.mjs), bundle the suite for the extension host, copy
 * sample-workspace with one seeded error and a `tam.now`, download VS Code 1.100.0 (cached in
 * $TAM_VSCODE_TEST_CACHE or ~/.cache/tam-vscode-test), run the suite with only this extension.
 *
 * Env: TAM_VSCODE_VERSION (default 1.100.0), TAM_VSCODE_DOWNLOAD_TIMEOUT_MS (default 20000).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const ROOT = resolve(__dirname, '..', '..');
const VERSION = process.env.TAM_VSCODE_VERSION ?? '1.100.0';
const TIMEOUT_MS = Number(process.env.TAM_VSCODE_DOWNLOAD_TIMEOUT_MS ?? 20_000);
const CACHE = process.env.TAM_VSCODE_TEST_CACHE ?? join(homedir(), '.cache', 'tam-vscode-test');
export const NOW = '2026-11-25T12:00:00+03:00';
export const SEEDED_DEPARTMENT = 'backup-tapes';

async function downloadVsCode(): Promise<string | { skipped: string }> {
  mkdirSync(CACHE, { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([downloadAndUnzipVSCode({ version: VERSION, cachePath: CACHE, timeout: TIMEOUT_MS }), timeout]);
  } catch (e) {
    return { skipped: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** A copy of sample-workspace with the seeded error and the settings the suite expects. */
function makeWorkspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'tam-vscode-test-'));
  cpSync(join(ROOT, 'sample-workspace'), folder, { recursive: true });
  const chain = join(folder, 'projects/kedr-retail/chains/kedr-seller-portal-landscape.yaml');
  const text = readFileSync(chain, 'utf8');
  writeFileSync(chain, text.replace(/(- id: backup\n(?:.*\n)*?\s+department:) backup\n/, `$1 ${SEEDED_DEPARTMENT}\n`));
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'tam.now': NOW }, null, 2));
  return folder;
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const vscodeExecutablePath = await downloadVsCode();
  if (typeof vscodeExecutablePath !== 'string') {
    console.log(`skipped: VS Code cannot be downloaded here (${vscodeExecutablePath.skipped}). The code-server suite, npm run e2e, runs the extension in a real VS Code instead.`);
    return 0;
  }
  const built = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) return 1;
  const out = mkdtempSync(join(tmpdir(), 'tam-vscode-suite-'));
  await build({
    entryPoints: [join(ROOT, 'test/vscode/suite/index.ts')],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  const folder = makeWorkspace();
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: join(ROOT, 'extension'),
      extensionTestsPath: join(out, 'index.js'),
      extensionTestsEnv: { TAM_TEST_WORKSPACE: folder, TAM_TEST_NOW: NOW, TAM_TEST_SEEDED: SEEDED_DEPARTMENT },
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    console.log(`extension-host suite passed in ${Math.round((Date.now() - t0) / 1000)} s`);
    return 0;
  } catch (e) {
    console.error(`extension-host suite failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
