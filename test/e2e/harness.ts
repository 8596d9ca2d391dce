/**
 * End-to-end harness: runs a real VS Code (code-server 4.100.3 = VS Code 1.100.3) and drives
 * its web workbench with Debian's Chromium through playwright-core.
 *
 * Setup (once per machine): `scripts/setup-code-server.sh` (see test/e2e/README.md).
 * Everything here is plain ES module TypeScript, run with `node --import tsx`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type FrameLocator, type Page } from 'playwright-core';

export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM_PATH = process.env.TAM_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const CACHE_DIR = process.env.TAM_E2E_CACHE ?? join(homedir(), '.cache', 'tam-e2e');
export const CODE_SERVER_DIR = join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const MARKER = join(CODE_SERVER_DIR, '.tam-e2e-complete');

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results', 'e2e');

/** Chromium flags: the background-networking ones stop Chromium from hammering the closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Settings written into every fresh user-data-dir unless `defaultSettings: false`. */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  // Keep typed text predictable: no auto-closing/auto-indent surprises when a test types.
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'files.autoSave': 'off',
  // DOM renderer: terminal text is then readable from `.xterm-rows` (the GPU/canvas one is not).
  'terminal.integrated.gpuAcceleration': 'off',
};

/** Reason to skip e2e tests, or undefined if code-server and Chromium are installed. */
export function e2eSkipReason(): string | undefined {
  if (!existsSync(MARKER) || !existsSync(CODE_SERVER_ENTRY)) {
    return `code-server ${CODE_SERVER_VERSION} is not installed in ${CODE_SERVER_DIR}; run scripts/setup-code-server.sh`;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    return `Chromium not found at ${CHROMIUM_PATH}; run scripts/setup-code-server.sh`;
  }
  return undefined;
}

export function isCodeServerInstalled(): boolean {
  return e2eSkipReason() === undefined;
}

// ------------------------------------------------------------------------------------------
// code-server
// ------------------------------------------------------------------------------------------

export interface StartOptions {
  /** Folder to open as the workspace. */
  folder: string;
  /** Packaged extension to install into the fresh extensions dir before starting. */
  vsixPath?: string;
  /** User settings (merged over DEFAULT_SETTINGS unless defaultSettings is false). */
  settings?: Record<string, unknown>;
  /** Write DEFAULT_SETTINGS (default true). */
  defaultSettings?: boolean;
  /** Extra command-line arguments for code-server. */
  extraArgs?: string[];
  /** Milliseconds to wait for HTTP (default 60 s). */
  startTimeoutMs?: number;
}

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  folder: string;
  userDataDir: string;
  extensionsDir: string;
  /** Everything code-server printed so far (stdout + stderr). */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // whole process group (spawned detached)
  } catch {
    try {
      process.kill(child.pid, signal);
    } catch {
      /* already gone */
    }
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort if a test crashes before calling stop(): never leave servers behind.
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Like sleep, but does not keep the process alive (for timeouts raced against other promises). */
const unrefSleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode}):\n${output()}`);
    }
    try {
      const res = await fetch(url + 'healthz', { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      lastError = new Error(`HTTP ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms (${String(lastError)}):\n${output()}`);
}

function codeServerEnv(tmp: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Keep code-server from writing ~/.config/code-server/config.yaml and ~/.local/share/code-server.
    XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
    XDG_DATA_HOME: join(tmp, 'xdg-data'),
    // Terminals started in the workbench should not inherit the test runner's node options.
    NODE_OPTIONS: '',
    PASSWORD: undefined,
    HASHED_PASSWORD: undefined,
    PORT: undefined,
  };
}

export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  const reason = e2eSkipReason();
  if (reason) throw new Error(reason);
  const folder = resolve(opts.folder);
  const tmp = mkdtempSync(join(tmpdir(), 'tam-e2e-cs-'));
  const userDataDir = join(tmp, 'user-data');
  const extensionsDir = join(tmp, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const env = codeServerEnv(tmp);
  const common = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];

  try {
    if (opts.vsixPath) {
      const r = spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...common, '--force', '--install-extension', resolve(opts.vsixPath)], {
        env,
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (r.status !== 0) {
        throw new Error(`installing ${opts.vsixPath} failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
      }
    }

    const settings = { ...(opts.defaultSettings === false ? {} : DEFAULT_SETTINGS), ...(opts.settings ?? {}) };
    if (Object.keys(settings).length > 0) {
      writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }

  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...common,
    ...(opts.extraArgs ?? []),
    folder,
  ];
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  installExitHook();
  running.add(child);
  let out = '';
  const append = (b: Buffer) => {
    out += b.toString();
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}/`;

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const gone = await Promise.race([exited.then(() => true), unrefSleep(5000).then(() => false)]);
      if (!gone) {
        killGroup(child, 'SIGKILL');
        await Promise.race([exited, unrefSleep(2000)]);
      }
    }
    // The group may still hold children (extension host, pty) that outlived the main process.
    killGroup(child, 'SIGKILL');
    running.delete(child);
    rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await waitForHttp(url, child, opts.startTimeoutMs ?? 60_000, () => out);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, pid: child.pid!, folder, userDataDir, extensionsDir, output: () => out, stop };
}

// ------------------------------------------------------------------------------------------
// Browser / workbench
// ------------------------------------------------------------------------------------------

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Browser console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function openWorkbench(url: string, folder: string, opts: { timeoutMs?: number } = {}): Promise<Workbench> {
  // Chromium writes crash-report and cache folders under XDG dirs: keep them in a temp dir.
  const home = mkdtempSync(join(tmpdir(), 'tam-e2e-chromium-'));
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') };
  const cleanup = async (browser: Browser) => {
    await browser.close().catch(() => {});
    rmSync(home, { recursive: true, force: true, maxRetries: 3 });
  };
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true, env });
  } catch (err) {
    rmSync(home, { recursive: true, force: true });
    throw err;
  }
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    const target = new URL(url);
    target.searchParams.set('folder', resolve(folder));
    await page.goto(target.toString(), { waitUntil: 'domcontentloaded', timeout: opts.timeoutMs ?? 60_000 });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: opts.timeoutMs ?? 60_000 });
    // The explorer / status bar appear a little after the shell; wait for the status bar too.
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: opts.timeoutMs ?? 60_000 });
    return {
      browser,
      page,
      errors,
      close: () => cleanup(browser),
    };
  } catch (err) {
    await cleanup(browser);
    throw err;
  }
}

// ------------------------------------------------------------------------------------------
// UI helpers
// ------------------------------------------------------------------------------------------

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = '.quick-input-widget .quick-input-box input';
const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

async function closeQuickInput(page: Page): Promise<void> {
  const widget = page.locator(QUICK_INPUT);
  if (await widget.isVisible()) {
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  }
}

/** Open the quick-input with `key`, and replace its content with `text`. */
async function quickInput(page: Page, key: string, text: string): Promise<void> {
  await closeQuickInput(page);
  const input = page.locator(QUICK_INPUT_BOX);
  // A key press can be lost while the workbench is still restoring focus (e.g. right after
  // load): retry a few times until the widget shows.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await input.fill(text);
}

/**
 * Run a command by its title through the command palette (F1), e.g. 'View: Toggle Terminal'.
 * Picks the row whose label equals the title (falls back to the first row).
 */
export async function runCommand(page: Page, title: string, opts: { timeoutMs?: number } = {}): Promise<void> {
  return onFailureScreenshot(page, `runCommand-${title}`, () => runCommandImpl(page, title, opts));
}

async function runCommandImpl(page: Page, title: string, opts: { timeoutMs?: number }): Promise<void> {
  await quickInput(page, 'F1', '>' + title);
  const rows = page.locator(QUICK_INPUT_ROWS);
  const exact = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(title)}\\s*$`) }) });
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    if ((await exact.count()) > 0) {
      await exact.first().click();
      await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
      return;
    }
    await sleep(100);
  }
  const labels = await rows.locator('.label-name').allInnerTexts();
  await closeQuickInput(page);
  throw new Error(`command "${title}" not found in the command palette; rows: ${JSON.stringify(labels)}`);
}

/** Open a workspace file through quick open (Ctrl+P) and wait until its editor tab is active. */
export async function openFile(page: Page, relativePath: string, opts: { timeoutMs?: number } = {}): Promise<void> {
  return onFailureScreenshot(page, `openFile-${relativePath}`, () => openFileImpl(page, relativePath, opts));
}

async function openFileImpl(page: Page, relativePath: string, opts: { timeoutMs?: number }): Promise<void> {
  const name = basename(relativePath);
  const timeout = opts.timeoutMs ?? 15_000;
  await quickInput(page, 'Control+P', relativePath);
  // File search runs through ripgrep and the list filters asynchronously: the picker first shows
  // "recently opened" entries, so pressing Enter too early opens the wrong file. Wait until the
  // *focused* row is the file (name, and its folder in the description) before pressing Enter.
  const dir = dirname(relativePath.replace(/\\/g, '/'));
  const focused = page
    .locator(QUICK_INPUT_ROWS + '.focused')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) }) })
    .filter(dir === '.' ? {} : { hasText: dir });
  await focused.first().waitFor({ state: 'visible', timeout });
  await page.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
  await activeTab(page, name).waitFor({ state: 'visible', timeout });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout });
}

function activeTab(page: Page, name: string) {
  return page.locator('.editor-group-container.active .tab.active').filter({ has: page.locator('.label-name', { hasText: name }) });
}

/**
 * Clear all notification toasts (e.g. code-server's "Some keybindings don't go to the terminal"
 * toast after typing in a terminal; it is kept in browser storage, not in settings).
 */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
}

/** Text currently rendered in the active editor (visible lines only; nbsp normalized). */
export async function editorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  const text = await lines.innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Focus the active text editor (click into its text area). */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
}

/** Run `fn`; if it throws, save a screenshot `failure-<label>.png` and mention it in the error. */
export async function onFailureScreenshot<T>(page: Page, label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const name = `failure-${label.replace(/[^A-Za-z0-9._-]+/g, '_')}-${Date.now()}`;
    const file = await screenshot(page, name).catch(() => undefined);
    if (file && err instanceof Error) err.message += `\n(screenshot: ${file})`;
    throw err;
  }
}

/**
 * The screenshots of the extension's README (its Marketplace listing) are taken by the e2e suite:
 * with TAM_E2E_LISTING=1, `listingScreenshot` also writes them to extension/media/screenshots/,
 * to be looked at and committed.
 */
export const LISTING_DIR = join(REPO_ROOT, 'extension', 'media', 'screenshots');

/** A screenshot as `screenshot` takes it, and with TAM_E2E_LISTING=1 a copy for the listing. */
export async function listingScreenshot(page: Page, name: string): Promise<string> {
  const file = await screenshot(page, `listing-${name}`);
  if (process.env.TAM_E2E_LISTING === '1') {
    mkdirSync(LISTING_DIR, { recursive: true });
    copyFileSync(file, join(LISTING_DIR, `${name}.png`));
  }
  return file;
}

/** Save a PNG of the whole page into test-results/e2e/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Frame locator for the content of the visible webview (`iframe.webview` → `#active-frame`).
 * With several webviews open, the last visible one is used.
 */
export function webviewFrame(page: Page): FrameLocator {
  return page
    .locator('iframe.webview')
    .filter({ visible: true })
    .last()
    .contentFrame()
    .frameLocator('#active-frame');
}

/**
 * Rows of the Problems panel, opened through the command "Problems: Focus on Problems View"
 * (VS Code 1.100's title; there is no "View: Focus Problems").
 */
export async function problemsPanelRows(page: Page, opts: { settleMs?: number } = {}): Promise<string[]> {
  await runCommand(page, 'Problems: Focus on Problems View');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  await sleep(opts.settleMs ?? 500);
  const rows = panel.locator('.monaco-list-row');
  const texts = await rows.allInnerTexts();
  return texts.map((t) => t.replace(/\u00a0/g, ' ').replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
}

/** Problems panel content as one string, one row per line ('' when there are no problems). */
export async function problemsPanelText(page: Page, opts: { settleMs?: number } = {}): Promise<string> {
  return (await problemsPanelRows(page, opts)).join('\n');
}

/**
 * Trigger suggestions (Ctrl+Space) in the focused editor and return the labels shown.
 * Returns [] when the widget reports "No suggestions".
 */
export async function triggerCompletion(page: Page, opts: { timeoutMs?: number } = {}): Promise<string[]> {
  const timeout = opts.timeoutMs ?? 10_000;
  await page.keyboard.press('Control+Space');
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  await widget.waitFor({ state: 'visible', timeout });
  const rows = widget.locator('.monaco-list-row');
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if ((await rows.count()) > 0) break;
    const message = (await widget.locator('.message').innerText().catch(() => '')).trim();
    if (/no suggestions/i.test(message)) return [];
    await sleep(100);
  }
  const labels = await rows.locator('.label-name').allInnerTexts();
  return labels.map((l) => l.replace(/\u00a0/g, ' ').trim());
}

/** Write a file (creating folders) — convenience for building test workspaces. */
export function writeWorkspaceFile(root: string, relativePath: string, content: string): string {
  const file = join(root, relativePath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

/** A fresh temp folder for a test workspace; remove it with rmSync when done. */
export function makeTempWorkspace(prefix = 'tam-e2e-ws-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
