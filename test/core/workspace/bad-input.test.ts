// Files that are not what they claim — binary, not UTF-8, huge, alias bombs, deeply nested,
// conflicted, behind a symlink loop — each get one diagnostic; the others are still checked.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { check } from '../../../server/src/core/check';
import { FileSystemHost, type FileReader } from '../../../server/src/core/workspace/host';
import { Workspace } from '../../../server/src/core/workspace/workspace';
import { removeTemp, tempWorkspace } from '../../helpers/fs-workspace';
import { lines, NOW } from '../../helpers/workspace';

const dirs: string[] = [];
after(() => dirs.forEach(removeTemp));

function validate(files: Record<string, string | Uint8Array>, setup?: (dir: string) => void, reader?: FileReader): string[] {
  const dir = tempWorkspace(files);
  dirs.push(dir);
  setup?.(dir);
  const ws = new Workspace(new FileSystemHost(dir, reader));
  ws.loadAll();
  return lines([...check(ws, { now: NOW }).values()].flat());
}

const person = 'kind: person\nid: extra\nname: Extra Person\n---\nkind: person\nid: anna\nname: Dup\n';

test('binary, non-UTF-8 and empty files get a diagnostic; the other files are still checked', () => {
  const out = validate({
    'org/binary.yaml': new Uint8Array([0x6b, 0x00, 0x01, 0x02]),
    'org/latin1.yaml': new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xe9, 0x0a]),
    'org/empty.yaml': '',
    'org/extra.yaml': person,
  });
  assert.ok(out.includes('org/binary.yaml:1:1 error yaml-syntax file is binary, not YAML text (NUL byte at offset 1)'), out.join('\n'));
  assert.ok(out.includes('org/latin1.yaml:1:1 error yaml-syntax file is not valid UTF-8 (at byte 6)'), out.join('\n'));
  assert.ok(out.some((l) => l.startsWith('org/empty.yaml:1:1 error schema file is empty')));
  assert.ok(out.some((l) => l.startsWith('org/extra.yaml:6:5 error duplicate-id')));
});

test('a file larger than the limit is reported, not parsed', () => {
  const big = 'kind: person\nid: big\nname: Big\nx-notes: |\n' + '  lorem ipsum dolor sit amet\n'.repeat(400_000);
  const out = validate({ 'org/big.yaml': big });
  assert.ok(out.some((l) => /^org\/big\.yaml:1:1 error yaml-syntax file is too large to check \(\d+\.\d MB; the limit is 8\.0 MB\)$/.test(l)), out.join('\n'));
});

test('a YAML alias bomb is refused quickly', () => {
  const bomb = ['kind: person', 'id: bomb', 'name: Bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  const started = Date.now();
  const out = validate({ 'org/bomb.yaml': bomb.join('\n') + '\n' });
  assert.ok(Date.now() - started < 20_000);
  assert.ok(out.some((l) => l.startsWith('org/bomb.yaml') && l.includes('yaml-syntax') && l.includes('alias')), out.join('\n'));
});

test('10 000-deep nesting gives a diagnostic, not a crash', () => {
  const deep = 'kind: person\nid: deep\nname: Deep\nx-deep: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
  const out = validate({ 'org/deep.yaml': deep, 'org/extra.yaml': person });
  assert.ok(out.some((l) => l.startsWith('org/deep.yaml')), out.join('\n'));
  assert.ok(out.some((l) => l.startsWith('org/extra.yaml:6:5 error duplicate-id')));
});

test('a syntax error is underlined on its own line, not to the end of the file', () => {
  const out = validate({ 'org/broken.yaml': 'kind: person\nid: x\nname: "unclosed\n' + 'x-pad: 1\n'.repeat(50) });
  const syntax = out.filter((l) => l.includes('yaml-syntax'));
  assert.ok(syntax.length >= 1);
  assert.ok(syntax.length <= 20);
});

test('a git-conflicted file gets one clear diagnostic', () => {
  const conflicted = 'kind: person\nid: x\n<<<<<<< HEAD\nname: Mine\n=======\nname: Theirs\n>>>>>>> branch\n';
  const out = validate({ 'org/conflict.yaml': conflicted });
  assert.deepEqual(
    out.filter((l) => l.startsWith('org/conflict.yaml')),
    ['org/conflict.yaml:3:1 error yaml-syntax unresolved Git merge conflict: resolve the conflict markers (<<<<<<<, =======, >>>>>>>) first'],
  );
});

test('a symlink loop is followed once and never hangs', () => {
  const out = validate({ 'org/extra.yaml': person }, (dir) => {
    fs.symlinkSync(dir, path.join(dir, 'org', 'loop'));
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'org', 'dangling.yaml'));
  });
  assert.ok(out.some((l) => l.startsWith('org/extra.yaml:6:5 error duplicate-id')));
  assert.ok(out.some((l) => l.startsWith('org/dangling.yaml:1:1 error yaml-syntax cannot follow link')), out.join('\n'));
});

test('an unreadable file is reported; the other files are still checked', () => {
  // The disk refuses to open one file, as it does without read permission (even for root, here).
  const refusing: FileReader = {
    ...fs,
    openSync: (file, flags) => {
      if (file.endsWith(path.join('org', 'secret.yaml'))) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      return fs.openSync(file, flags);
    },
  };
  const out = validate({ 'org/secret.yaml': person, 'org/extra.yaml': person }, undefined, refusing);
  assert.deepEqual(
    out.filter((l) => l.startsWith('org/secret.yaml')),
    ['org/secret.yaml:1:1 error yaml-syntax cannot read file: permission denied'],
  );
  assert.ok(out.some((l) => l.startsWith('org/extra.yaml:6:5 error duplicate-id')), out.join('\n'));
});

test('an unreadable file is reported (a real file without read permission)', { skip: process.getuid?.() === 0 ? 'root can read any file: the test above covers it' : false }, () => {
  const out = validate({ 'org/secret.yaml': person }, (dir) => fs.chmodSync(path.join(dir, 'org/secret.yaml'), 0));
  assert.ok(out.includes('org/secret.yaml:1:1 error yaml-syntax cannot read file: permission denied'), out.join('\n'));
});

test('ignore: globs of tam.yaml leave files out', () => {
  const out = validate({
    'tam.yaml': 'kind: workspace\nname: T\ndefault_sla_policy: standard\nignore: ["drafts/**"]\n',
    'drafts/half.yaml': 'kind: person\nid: [\n',
  });
  assert.deepEqual(out, []);
});

test('a million-entry sequence is read in bounded time and checked like any file', () => {
  const lines = ['kind: person', 'id: big', 'name: Big', 'x-list:'];
  for (let i = 0; i < 1_000_000; i++) lines.push('  - 1');
  const started = Date.now();
  const out = validate({ 'org/big.yaml': lines.join('\n') + '\n', 'org/extra.yaml': person });
  assert.ok(Date.now() - started < 30_000);
  assert.deepEqual(out.filter((l) => l.startsWith('org/big.yaml')), []);
  assert.ok(out.some((l) => l.startsWith('org/extra.yaml:6:5 error duplicate-id')));
});

test('a file is read from the path its name means, plain or not', () => {
  const dir = tempWorkspace({ 'org/extra.yaml': person });
  dirs.push(dir);
  const opened: string[] = [];
  const spying: FileReader = { ...fs, openSync: (file, flags) => (opened.push(String(file)), fs.openSync(file, flags)) };
  const host = new FileSystemHost(dir, spying);
  for (const name of ['org/extra.yaml', 'org/../org/extra.yaml', './org/extra.yaml', 'org//extra.yaml']) {
    assert.deepEqual(host.readFile(name), { text: person }, name);
  }
  assert.deepEqual(opened, Array(4).fill(path.join(dir, 'org', 'extra.yaml')));
  assert.deepEqual(host.readFile('org/../../outside.yaml'), { problem: 'cannot read file: no such file or folder' });
});
