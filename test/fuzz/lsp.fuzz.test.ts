// The built language server under bursts of random edits — typing in open documents, files
// created, changed and deleted on disk — never crashes, and after each burst its diagnostics
// equal those of a fresh check of the same texts (a differential test against the core that
// `tam validate` runs). Seeded, and bounded so that it stays within CI's time.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { prng } from '../../bench/generate';
import { check } from '../../server/src/core/check';
import { MemoryHost } from '../../server/src/core/workspace/host';
import { Workspace } from '../../server/src/core/workspace/workspace';
import { LspClient, NOW, tempCopy } from '../lsp/client';

const BURSTS = 20;
const EDITS_PER_BURST = 50;
const SNIPPETS = ['- ', ': ', '\n', '  ', '[', ']', '{', '"', '#', 'x', 'network', 'P1', 'done', '2026-11-26', 'depends_on: [a]', '\n---\nkind: person\nid: p\nname: P\n', 'id: ', '\t'];

/** Every YAML file of the folder, as the server should see it: disk, with open documents over it. */
function currentTexts(dir: string, open: Map<string, string>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = rel.split(path.sep).join('/');
    if (/\.ya?ml$/.test(file) && fs.statSync(path.join(dir, rel)).isFile()) files[file] = fs.readFileSync(path.join(dir, rel), 'utf8');
  }
  for (const [file, text] of open) files[file] = text;
  return files;
}

function expected(files: Record<string, string>): string[] {
  const ws = new Workspace(new MemoryHost(files));
  ws.loadAll();
  const out: string[] = [];
  for (const [file, list] of check(ws, { now: Date.parse(NOW) })) {
    for (const d of list) out.push(`${file} ${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
  }
  return out.sort();
}

function actual(client: LspClient): string[] {
  const out: string[] = [];
  for (const [uri, published] of client.diagnostics) {
    const file = client.rel(uri);
    for (const d of published.diagnostics) out.push(`${file} ${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
  }
  return out.sort();
}

test('random bursts of edits: the server keeps answering, and its diagnostics equal a fresh check', { timeout: 240_000 }, async () => {
  const dir = tempCopy();
  const client = await LspClient.start(dir);
  const random = prng(20261125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const open = new Map<string, string>();
  try {
    await client.ready();
    const yamlFiles = Object.keys(currentTexts(dir, open)).filter((f) => f !== 'tam.yaml');
    for (const file of yamlFiles.slice(0, 6)) {
      client.open(file);
      open.set(file, client.text(file)!);
    }
    let created = 0;
    for (let burst = 0; burst < BURSTS; burst++) {
      for (let i = 0; i < EDITS_PER_BURST; i++) {
        const roll = random();
        if (roll < 0.8 && open.size) {
          // Typing or deleting somewhere in an open document.
          const file = pick([...open.keys()]);
          const text = open.get(file)!;
          const at = Math.floor(random() * (text.length + 1));
          const remove = random() < 0.4 ? Math.floor(random() * 12) : 0;
          const next = text.slice(0, at) + (random() < 0.7 ? pick(SNIPPETS) : '') + text.slice(at + remove);
          client.change(file, next);
          open.set(file, next);
        } else if (roll < 0.9) {
          // A new file on disk, or a closed one changed on disk.
          const file = `projects/acme/incidents/FUZZ-${created++}.yaml`;
          fs.writeFileSync(path.join(dir, file), `kind: incident\nid: FUZZ-${created}\nproject: acme\ntitle: Fuzz\npriority: ${pick(['P1', 'P4', 'P9'])}\nopened: 2026-11-2${Math.floor(random() * 5)}T10:00:00+03:00\ntimeline: []\n`);
          client.watched([{ file, type: 1 }]);
        } else {
          // A closed file deleted on disk.
          const closed = Object.keys(currentTexts(dir, open)).filter((f) => !open.has(f) && f !== 'tam.yaml');
          if (!closed.length) continue;
          const file = pick(closed);
          fs.rmSync(path.join(dir, file));
          client.watched([{ file, type: 3 }]);
        }
      }
      // Quiet: wait until what the server publishes matches, or give up with the difference.
      const want = expected(currentTexts(dir, open));
      try {
        await client.waitFor(() => JSON.stringify(actual(client)) === JSON.stringify(want), 20_000, `burst ${burst}`);
      } catch {
        assert.deepEqual(actual(client), want, `after burst ${burst}`);
      }
      assert.equal(client.child.exitCode, null, 'the server is still running');
    }
    // Still answering requests after it all.
    const file = [...open.keys()][0]!;
    await client.request('textDocument/hover', { textDocument: { uri: client.uri(file) }, position: { line: 0, character: 1 } });
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
