// Entry of the extension-host suite: VS Code loads this module (extensionTestsPath) and calls
// run() once the window is up. See test/vscode/run.ts.

import './extension.vscode';
import { runAll } from './runner';

export function run(): Promise<void> {
  return runAll();
}
