// A git repository in a temporary folder for tests: files written, committed, changed, as a
// TAM would between two pushes. Git runs with a local identity and no signing, whatever the
// machine's global configuration says.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export class TempRepo {
  readonly dir: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-git-'));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.name', 'Test TAM');
    this.git('config', 'user.email', 'tam@example.test');
    this.git('config', 'commit.gpgsign', 'false');
    this.git('config', 'core.autocrlf', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  }

  /** Writes files (relative paths); `null` deletes one. */
  write(files: Record<string, string | null>): this {
    for (const [name, text] of Object.entries(files)) {
      const full = path.join(this.dir, name);
      if (text === null) {
        fs.rmSync(full, { force: true });
        continue;
      }
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    }
    return this;
  }

  commit(message = 'change'): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
