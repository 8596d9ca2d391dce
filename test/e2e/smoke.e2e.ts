/**
 * Smoke test of the e2e harness against a real VS Code (code-server) in headless Chromium.
 * No TAM extension involved: proves that the server starts, the workbench renders and the
 * UI helpers (openFile, runCommand, typing, screenshots) work.
 *
 *   node --import tsx --test test/e2e/smoke.e2e.ts
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  clearNotifications,
  e2eSkipReason,
  editorText,
  focusEditor,
  makeTempWorkspace,
  openFile,
  openWorkbench,
  problemsPanelText,
  runCommand,
  screenshot,
  startCodeServer,
  triggerCompletion,
  webviewFrame,
  writeWorkspaceFile,
  type CodeServer,
  type Workbench,
} from './harness';

// Skips the whole suite, with the reason, when scripts/setup-code-server.sh has not been run.
const skipReason = e2eSkipReason();
const TEST_TIMEOUT = 120_000;

describe('e2e smoke: code-server workbench', { skip: skipReason ?? false }, () => {
  let folder: string;
  let server: CodeServer | undefined;
  let wb: Workbench | undefined;

  before(async () => {
    folder = makeTempWorkspace();
    writeWorkspaceFile(folder, 'hello.yaml', 'greeting: hello\nname: world\n');
    writeWorkspaceFile(folder, 'notes/readme.md', '# Smoke Heading\n\nRendered by the *markdown* preview.\n');
    writeWorkspaceFile(folder, 'broken.json', '{\n  "a": 1,\n  "b": \n}\n');
    const t0 = Date.now();
    server = await startCodeServer({ folder });
    wb = await openWorkbench(server.url, folder);
    console.log(`code-server pid ${server.pid} on ${server.url}; workbench ready in ${Date.now() - t0} ms`);
  }, { timeout: TEST_TIMEOUT });

  after(async () => {
    await wb?.close();
    await server?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('opens hello.yaml, shows its text and accepts typing', { timeout: TEST_TIMEOUT }, async () => {
    const { page } = wb!;
    await openFile(page, 'hello.yaml');
    const before = await editorText(page);
    assert.match(before, /greeting: hello/);
    assert.match(before, /name: world/);

    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('typed: by-e2e');
    await page.locator('.view-lines', { hasText: 'typed: by-e2e' }).first().waitFor({ timeout: 10_000 });
    assert.match(await editorText(page), /typed: by-e2e/);
    // The tab is dirty until saved; save and check the file on disk.
    await page.keyboard.press('Control+S');
    await page.locator('.editor-group-container.active .tab.active:not(.dirty)').waitFor({ timeout: 10_000 });
    assert.match(readFileSync(join(folder, 'hello.yaml'), 'utf8'), /typed: by-e2e/);
    await screenshot(page, 'smoke-hello-yaml');
  });

  test('runs a built-in command from the command palette', { timeout: TEST_TIMEOUT }, async () => {
    const { page } = wb!;
    const terminal = page.locator('.part.panel .terminal-outer-container, .part.panel .integrated-terminal').first();
    await runCommand(page, 'View: Toggle Terminal');
    await terminal.waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('.part.panel .xterm').first().waitFor({ state: 'visible', timeout: 20_000 });
    // The shell really runs: type a command and read its output from the terminal rows.
    await page.locator('.part.panel .xterm').first().click();
    await page.keyboard.type('echo e2e-$((40+2))');
    await page.keyboard.press('Enter');
    await page.locator('.part.panel .xterm-rows', { hasText: 'e2e-42' }).first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'smoke-terminal');
    await runCommand(page, 'View: Toggle Terminal');
    await clearNotifications(page);
  });

  test('problems panel, completion and webview helpers', { timeout: TEST_TIMEOUT }, async () => {
    const { page } = wb!;
    // Problems: the built-in JSON language server reports the syntax error in broken.json.
    await openFile(page, 'broken.json');
    let problems = '';
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !/Value expected/i.test(problems)) {
      problems = await problemsPanelText(page);
    }
    assert.match(problems, /Value expected/i, `problems panel: ${problems}`);
    await screenshot(page, 'smoke-problems');

    // Completion: word-based suggestions in the YAML file.
    await openFile(page, 'hello.yaml');
    await focusEditor(page);
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('gre');
    const labels = await triggerCompletion(page);
    assert.ok(labels.includes('greeting'), `suggestions: ${JSON.stringify(labels)}`);
    await screenshot(page, 'smoke-completion');
    await page.keyboard.press('Escape');

    // Webview: the built-in Markdown preview renders in iframe.webview -> #active-frame.
    await openFile(page, 'notes/readme.md');
    await runCommand(page, 'Markdown: Open Preview');
    const heading = webviewFrame(page).locator('h1', { hasText: 'Smoke Heading' });
    await heading.waitFor({ timeout: 30_000 });
    assert.equal((await heading.innerText()).trim(), 'Smoke Heading');
    await screenshot(page, 'smoke-webview');
  });
});
