// How the core reaches files: a small interface that the CLI backs with the file system, the
// language server with open documents over the file system, and tests with a map of strings.
// Reading turns every way a file can be unreadable into a message, never an exception.

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** A file's text, or undefined when it cannot be read (the reason is for callers that report it: see `readFile`). */
export function readText(host: WorkspaceHost, file: string): string | undefined {
  const read = host.readFile(file);
  return 'text' in read ? read.text : undefined;
}

/** Files larger than this are reported instead of parsed: a 50 MB YAML file is a mistake. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type ReadResult = { text: string } | { problem: string };

export interface ListedProblem {
  file: string;
  problem: string;
}

export interface WorkspaceHost {
  /** Workspace-relative POSIX paths of the YAML files below the root, minus ignored ones. */
  listFiles(ignore: readonly string[]): { files: string[]; problems: ListedProblem[] };
  readFile(file: string): ReadResult;
  /** Size and modification time, when the host has them (a cache trusts them for old files). */
  stat?(file: string): FileStamp | undefined;
}

export interface FileStamp {
  mtimeMs: number;
  size: number;
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

export function isYamlFile(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/** A matcher for the workspace's `ignore:` globs, relative to the root. */
export function ignoreMatcher(ignore: readonly string[]): (file: string) => boolean {
  const patterns = ignore.filter((g) => typeof g === 'string' && g.trim() !== '');
  if (patterns.length === 0) return () => false;
  const match = picomatch(patterns, { dot: true });
  // "drafts" or "drafts/" should ignore the folder's contents, as in .gitignore.
  const folders = patterns.filter((p) => !/[*?[{]/.test(p)).map((p) => p.replace(/\/+$/, '') + '/');
  return (file) => match(file) || folders.some((f) => file.startsWith(f));
}

/** Decodes file bytes as UTF-8 text, or says why they are not text. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return { problem: `file is too large to check (${formatBytes(bytes.length)}; the limit is ${formatBytes(MAX_FILE_BYTES)})` };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { problem: `file is binary, not YAML text (NUL byte at offset ${nul})` };
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { problem: `file is not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})` };
  }
}

/**
 * The calls FileSystemHost reads a file with: node:fs, or in tests a stand-in that fails the way
 * a disk can (a file root may not open), so that those paths run whoever runs the tests.
 */
export interface FileReader {
  openSync(path: string, flags: 'r'): number;
  fstatSync(fd: number): { size: number };
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  closeSync(fd: number): void;
}

/**
 * One buffer every read goes through, grown for a big file and kept: 100 000 reads allocate no
 * memory of their own until the text is decoded.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class FileSystemHost implements WorkspaceHost {
  constructor(
    readonly root: string,
    private readonly reader: FileReader = fs,
  ) {}

  listFiles(ignore: readonly string[]): { files: string[]; problems: ListedProblem[] } {
    const ignored = ignoreMatcher(ignore);
    const files: string[] = [];
    const problems: ListedProblem[] = [];
    const seenDirs = new Set<string>();
    /** `known`: the folder's real path, when no link leads to it (its parent's real path and its name). */
    const walk = (dir: string, rel: string, known?: string): void => {
      let real: string;
      try {
        // realpath asks the file system about every part of the path: once per link followed,
        // not for each of a hundred folders.
        real = known ?? fs.realpathSync(dir);
      } catch (e) {
        problems.push({ file: rel || '.', problem: `cannot read folder: ${errorText(e)}` });
        return;
      }
      // A symlink that leads back to a folder already walked would loop forever.
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        problems.push({ file: rel || '.', problem: `cannot read folder: ${errorText(e)}` });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (ALWAYS_SKIPPED.has(entry.name)) continue;
        // join makes one flat string; a template would make a chain of pieces per file, and the
        // index keeps 100 000 of these names.
        const childRel = rel ? [rel, entry.name].join('/') : entry.name;
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        const link = entry.isSymbolicLink();
        if (link) {
          try {
            const st = fs.statSync(path.join(dir, entry.name));
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch (e) {
            if (isYamlFile(entry.name)) problems.push({ file: childRel, problem: `cannot follow link: ${errorText(e)}` });
            continue;
          }
        }
        if (isDir) {
          if (!ignored(childRel + '/')) walk(path.join(dir, entry.name), childRel, link ? undefined : path.join(real, entry.name));
        } else if (isFile && isYamlFile(entry.name) && !ignored(childRel)) {
          files.push(childRel);
        }
      }
    };
    walk(this.root, '');
    return { files, problems };
  }

  stat(file: string): FileStamp | undefined {
    try {
      const st = fs.statSync(path.join(this.root, file), { throwIfNoEntry: false });
      return st && { mtimeMs: st.mtimeMs, size: st.size };
    } catch {
      return undefined;
    }
  }

  /**
   * The file's path on disk. A name as listFiles gives it (no `.`, `..` or empty part) is joined
   * by hand: path.join normalizes char by char, which was a tenth of the allocations of a cold run.
   */
  private pathOf(file: string): string {
    return path.sep === '/' && this.root !== '/' && PLAIN_NAME.test(file) ? `${this.root}/${file}` : path.join(this.root, file);
  }

  readFile(file: string): ReadResult {
    // open, read until the end into the shared buffer, close: no path lookup but the open, no
    // stat (this runs for each of 100 000 files).
    let fd: number | undefined;
    try {
      fd = this.reader.openSync(this.pathOf(file), 'r');
      let read = 0;
      for (;;) {
        if (read === scratch.length) {
          if (read > MAX_FILE_BYTES) {
            const size = this.reader.fstatSync(fd).size;
            return { problem: `file is too large to check (${formatBytes(size)}; the limit is ${formatBytes(MAX_FILE_BYTES)})` };
          }
          const bigger = Buffer.allocUnsafe(scratch.length * 2);
          scratch.copy(bigger, 0, 0, read);
          scratch = bigger;
        }
        const n = this.reader.readSync(fd, scratch, read, scratch.length - read, read);
        if (n === 0) break;
        read += n;
      }
      const result = decodeText(scratch.subarray(0, read));
      if (scratch.length > 1024 * 1024) scratch = Buffer.allocUnsafe(64 * 1024); // one big file is not kept
      return result;
    } catch (e) {
      return { problem: `cannot read file: ${errorText(e)}` };
    } finally {
      if (fd !== undefined) this.reader.closeSync(fd);
    }
  }
}

/** A relative name whose parts are all plain (not empty, `.` or `..`). */
const PLAIN_NAME = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;

/** Files held in memory: for tests, and for the language server's open documents. */
export class MemoryHost implements WorkspaceHost {
  readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [name, text] of Object.entries(files)) this.files.set(name, text);
  }

  listFiles(ignore: readonly string[]): { files: string[]; problems: ListedProblem[] } {
    const ignored = ignoreMatcher(ignore);
    const files = [...this.files.keys()]
      .filter((f) => isYamlFile(f) && !f.split('/').some((part) => ALWAYS_SKIPPED.has(part)) && !ignored(f))
      .sort();
    return { files, problems: [] };
  }

  readFile(file: string): ReadResult {
    const text = this.files.get(file);
    return text === undefined ? { problem: 'cannot read file: no such file' } : { text };
  }
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'is a folder';
    default:
      return err?.code ?? String((e as Error)?.message ?? e);
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >> 5 === 6 ? 1 : b >> 4 === 14 ? 2 : b >> 3 === 30 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || bytes[i + k]! >> 6 !== 2) return i;
    i += need + 1;
  }
  return 0;
}
