// What the commands that look at history need from git: is this a repository, which commit a
// ref names, which files differ from it, and the workspace's YAML files as they were at it.
// Git runs as a child process with argument arrays (never a shell), read-only: it never touches
// the working tree or the index. Every failure becomes a GitError with a sentence for the user.
//
// Paths in and out are relative to the workspace root, which may be a subfolder of the
// repository, in POSIX form; files outside the workspace root are left out.

import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { decodeText, isYamlFile } from '../workspace/host';

/** Something git could not do, said so that a user knows what to fix. */
export class GitError extends Error {
  override name = 'GitError';
}

/** How a file differs from the ref; `untracked` files are new and not yet added to git. */
export type GitChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied' | 'type-changed' | 'unmerged' | 'untracked';

export interface GitFileChange {
  status: GitChangeStatus;
  /** Workspace-relative POSIX path (the new one for a rename or copy). */
  path: string;
  /** The path at the ref, for a rename or copy (undefined when it lay outside the workspace root). */
  oldPath?: string;
}

// A whole workspace's YAML at a ref can be large; a generous ceiling still fails cleanly.
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

/** How every git command here runs. */
function gitOptions(cwd: string) {
  return {
    cwd,
    maxBuffer: MAX_OUTPUT_BYTES,
    windowsHide: true,
    // Read-only commands must not take the index lock (a concurrent `git commit` would fail),
    // and messages are read in English.
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
  };
}

/** Runs git in `cwd` and returns its standard output; throws GitError on any failure. */
function git(cwd: string, args: readonly string[], input?: string): Buffer {
  if (!isDirectory(cwd)) throw new GitError(`"${cwd}" is not a folder`);
  const result = spawnSync('git', args, { ...gitOptions(cwd), input });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GitError('git is not installed or not on the PATH: install git to compare with a git ref');
    if (code === 'ENOBUFS') throw new GitError(`git printed more than ${MAX_OUTPUT_BYTES / 1024 / 1024} MB for "git ${args[0]}"`);
    throw new GitError(`could not run git: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const message = result.stderr
      .toString('utf8')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '');
    throw new GitError(`git ${args[0]} failed${message ? `: ${message.replace(/^(fatal|error): /, '')}` : ` with exit code ${result.status}`}`);
  }
  return result.stdout;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `dir` lies in a git working tree. Throws GitError only when git itself cannot run. */
export function isGitRepository(dir: string): boolean {
  if (!isDirectory(dir)) return false;
  try {
    return git(dir, ['rev-parse', '--is-inside-work-tree']).toString('utf8').trim() === 'true';
  } catch (e) {
    if (e instanceof GitError && /not installed|could not run git/.test(e.message)) throw e;
    return false;
  }
}

function requireRepository(root: string): void {
  if (!isGitRepository(root)) throw new GitError(`"${root}" is not in a git repository`);
}

function checkRefText(ref: string): void {
  if (ref.trim() === '') throw new GitError('the git ref is empty');
  // A ref that starts with "-" would be read by git as an option.
  if (ref.startsWith('-')) throw new GitError(`"${ref}" is not a git ref: refs do not start with "-"`);
  if (/[\0\n]/.test(ref)) throw new GitError('a git ref cannot hold a line break');
}

/**
 * The full commit id a ref names (a branch, tag, `HEAD~2`, `origin/main`, a commit id).
 * An unknown ref is a GitError that says so, with the usual cause in CI.
 */
export function resolveRef(root: string, ref: string): string {
  checkRefText(ref);
  requireRepository(root);
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    const unborn = ref === 'HEAD' && !hasCommits(root);
    throw new GitError(
      unborn
        ? 'the repository has no commits yet, so there is no HEAD to compare with'
        : `unknown git ref "${ref}": no branch, tag or commit by that name here (in CI, fetch it first, e.g. actions/checkout with fetch-depth: 0)`,
    );
  }
}

function hasCommits(root: string): boolean {
  try {
    git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    return true;
  } catch {
    return false;
  }
}

/** The id of the empty tree, in the repository's hash (SHA-1 or SHA-256). */
function emptyTree(root: string): string {
  return git(root, ['hash-object', '-t', 'tree', '--stdin'], '').toString('utf8').trim();
}

/** The repository path of the workspace root ("" at the top, else "sub/dir/"). */
function prefixOf(root: string): string {
  return git(root, ['rev-parse', '--show-prefix']).toString('utf8').trim();
}

function splitZ(out: Buffer): string[] {
  const parts = out.toString('utf8').split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const STATUS: Record<string, GitChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
  U: 'unmerged',
};

/**
 * Every file of the workspace that differs between `ref` (default HEAD) and the working tree,
 * staged or not, and the untracked files git does not ignore. Renames are detected. In a
 * repository without commits, with the default ref, every file counts as added.
 */
export function diffFiles(root: string, ref = 'HEAD'): GitFileChange[] {
  checkRefText(ref);
  requireRepository(root);
  const base = ref === 'HEAD' && !hasCommits(root) ? emptyTree(root) : resolveRef(root, ref);
  // --relative: paths relative to the workspace root, and nothing outside it.
  const fields = splitZ(git(root, ['diff', '--name-status', '-z', '--find-renames', '--relative', '--no-ext-diff', '--no-textconv', base, '--']));
  const changes: GitFileChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]!;
    const status = STATUS[code[0]!] ?? 'modified';
    if (status === 'renamed' || status === 'copied') {
      const oldPath = fields[i++]!;
      const path = fields[i++]!;
      changes.push({ status, path, oldPath });
    } else {
      changes.push({ status, path: fields[i++]! });
    }
  }
  for (const path of splitZ(git(root, ['ls-files', '--others', '--exclude-standard', '-z']))) {
    changes.push({ status: 'untracked', path });
  }
  return changes;
}

/**
 * Workspace-relative POSIX paths of the files changed since `ref` (default HEAD): modified,
 * added, renamed (the new path), copied, untracked. Deleted files are left out: there is
 * nothing left to check in them.
 */
export function changedFiles(root: string, ref = 'HEAD'): string[] {
  const paths = diffFiles(root, ref)
    .filter((c) => c.status !== 'deleted')
    .map((c) => c.path);
  return [...new Set(paths)].sort();
}

/**
 * The text of every `*.yaml` / `*.yml` file below the workspace root as it was at `ref`, by
 * workspace-relative POSIX path; nothing is checked out. A workspace folder that did not exist
 * at the ref gives an empty map. Files that are not UTF-8 text, or too large, are left out.
 */
export function readTreeAtRef(root: string, ref: string): Map<string, string> {
  const commit = resolveRef(root, ref);
  const prefix = prefixOf(root).replace(/\/$/, '');
  const treeish = prefix ? `${commit}:${prefix}` : commit;
  if (prefix) {
    // ("<commit>:<path>^{tree}" would read "^{tree}" as part of the path.)
    let type = '';
    try {
      type = git(root, ['cat-file', '-t', treeish]).toString('utf8').trim();
    } catch {
      // the folder did not exist at the ref
    }
    if (type !== 'tree') return new Map();
  }
  const blobs: { path: string; id: string }[] = [];
  for (const line of splitZ(git(root, ['ls-tree', '-r', '-z', '--full-tree', treeish]))) {
    // "<mode> SP <type> SP <object> TAB <path>"; links (120000) and submodules are not files.
    const tab = line.indexOf('\t');
    const [mode, type, id] = line.slice(0, tab).split(' ');
    const path = line.slice(tab + 1);
    if (type === 'blob' && (mode === '100644' || mode === '100755') && isYamlFile(path) && id) blobs.push({ path, id });
  }
  const files = new Map<string, string>();
  if (blobs.length === 0) return files;
  const out = git(root, ['cat-file', '--batch'], blobs.map((b) => b.id).join('\n') + '\n');
  // Each answer: "<id> blob <size>\n<size bytes>\n", in the order asked.
  let at = 0;
  for (const blob of blobs) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = out.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (header[1] !== 'blob') continue; // "<id> missing"
    const size = Number(header[2]);
    const read = decodeText(out.subarray(at, at + size));
    at += size + 1;
    if ('text' in read) files.set(blob.path, read.text);
  }
  return files;
}

/**
 * Git's blob id of each file below `root` whose working copy is exactly what the index holds:
 * regular files at stage 0, not marked assume-unchanged or skip-worktree, not reported by
 * `git diff-files` (which counts a file whose time changed as modified: a reason to read it,
 * never to trust it). A cache keyed by content trusts these ids without reading the files.
 * Also every path git tracks there. Undefined outside a repository or when git cannot run: the
 * caller reads the files instead. Asynchronous, so that the caller reads its cache meanwhile.
 */
export async function unmodifiedBlobIds(root: string): Promise<{ ids: Map<string, string>; tracked: Set<string> } | undefined> {
  const run = (args: string[]) =>
    new Promise<string | undefined>((resolve) => {
      execFile('git', args, { ...gitOptions(root), encoding: 'utf8' }, (error, stdout) => resolve(error ? undefined : stdout));
    });
  const [staged, dirty] = await Promise.all([run(['ls-files', '--stage', '-v', '-z', '--', '.']), run(['diff-files', '--name-only', '--relative', '-z'])]);
  if (staged === undefined || dirty === undefined) return undefined;
  const ids = new Map<string, string>();
  const tracked = new Set<string>();
  for (const line of staged.split('\0')) {
    // "H 100644 <id> 0\t<path>": H is a plain tracked file (lower case: assume-unchanged, S: skip-worktree).
    const m = /^H (100644|100755) ([0-9a-f]{40,64}) 0\t(.+)$/s.exec(line);
    if (m) ids.set(m[3]!, m[2]!);
    const tab = line.indexOf('\t');
    if (tab !== -1) tracked.add(line.slice(tab + 1));
  }
  for (const file of dirty.split('\0')) ids.delete(file);
  return { ids, tracked };
}

/**
 * The `user.email` git uses in `dir` (the repository's, else the global or system one), if any:
 * how the editor's agenda knows whose projects to show. Never throws: no git, no folder or no
 * email is simply no answer.
 */
export function gitUserEmail(dir: string): string | undefined {
  try {
    const email = git(dir, ['config', '--get', 'user.email']).toString('utf8').trim();
    return email || undefined;
  } catch {
    return undefined;
  }
}
