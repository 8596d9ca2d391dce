// The YAML readers of the project side by side, on the same texts, so that each one is kept
// only where it pays (issue 12): the block reader (core/workspace/block-yaml.ts, issue 13), js-yaml (core/workspace/parse.ts's fast path and
// locate.ts's node events), `yaml` (parse.ts's precise path: every syntax problem with its
// range, partial documents, bounded aliases) and service/yaml-tree (the editor's lenient tree).
//
// Texts: a typical incident file of bench/generate.ts's workspace, its 2 000-line chain, and a
// 50 000-line chain. For each: a whole parse, a keystroke (one character typed inside a value:
// the text stays valid) and a half-typed edit (`title: [Migr…`: the text is broken). None of
// the readers is incremental, so an edit costs a parse of the new text; what differs is what
// each reader makes of a broken one. Medians of repeated runs after a warm-up; printed, never
// asserted. Run: node --import tsx bench/yaml-readers.ts

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as jsYaml from 'js-yaml';
import { LineCounter, parseAllDocuments, Parser, type Document } from 'yaml';
import { readBlockSpans, readBlockYaml } from '../server/src/core/workspace/block-yaml';
import { eventTrees } from '../server/src/core/workspace/locate';
import { lineStartsOf } from '../server/src/core/workspace/parse';
import { parseDocAt, parseTree } from '../server/src/service/yaml-tree';
import { generateWorkspace, longChain } from './generate';

interface Reader {
  name: string;
  /** Reads the text; returns what it made of it in a few words (for broken texts). */
  read(text: string): string;
}

/** A one-line text read in between, so that the spans of the text measured must be read again. */
const OTHER = 'x: 1\n';

const READERS: Reader[] = [
  {
    name: 'block-yaml (values)',
    read: (text) => (readBlockYaml(text) ? '1 doc' : 'gives up'),
  },
  {
    // As locate.ts asks for a file other than the one read last: read again, without values.
    name: 'block-yaml (spans, read again)',
    read: (text) => {
      readBlockYaml(OTHER);
      return readBlockSpans(text) ? 'spans' : 'gives up';
    },
  },
  {
    // As `tam validate` places an incident's diagnostics right after reading it.
    name: 'block-yaml (spans of the text read last)',
    read: (text) => (readBlockSpans(text) ? 'spans' : 'gives up'),
  },
  {
    name: 'js-yaml loadAll (values)',
    read(text) {
      try {
        let docs = 0;
        jsYaml.loadAll(text, () => void docs++, { schema: jsYaml.CORE_SCHEMA });
        return `${docs} doc`;
      } catch {
        return 'throws';
      }
    },
  },
  {
    name: 'js-yaml node events (spans)',
    read: (text) => (eventTrees(text) ? 'spans' : 'none'),
  },
  {
    name: '`yaml` parseAllDocuments + toJS',
    read(text) {
      const docs = parseAllDocuments(text, { lineCounter: new LineCounter(), uniqueKeys: true, logLevel: 'error' }) as unknown as Document.Parsed[];
      let errors = 0;
      for (const d of docs) {
        errors += d.errors.length;
        d.toJS({ maxAliasCount: 1000 });
      }
      return errors ? `${errors} errors, partial value` : `${docs.length} doc`;
    },
  },
  {
    // Not used by the project: `yaml`'s lexer and parser without composing documents, to show
    // what a tree built on its tokens would start from.
    name: '(`yaml` Parser, tokens only)',
    read(text) {
      let errors = 0;
      for (const token of new Parser().parse(text)) if (token.type === 'error') errors++;
      return errors ? `${errors} errors` : 'tokens';
    },
  },
  {
    name: 'yaml-tree parseTree (whole text)',
    read: (text) => `${parseTree(text).docs.length} doc`,
  },
  {
    name: 'yaml-tree parseDocAt (the edited document)',
    read: (text) => {
      const lineStarts = lineStartsOf(text);
      return parseDocAt(text, lineStarts, lineStarts.length >> 1).root ? 'tree' : 'empty';
    },
  },
];

const ROUNDS = 3;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median ms of one read, over enough runs to fill about `budgetMs` (at least 3). */
function time(read: () => void, budgetMs = 400): number {
  // Warm-up: the first runs compile.
  const warm = performance.now();
  for (let i = 0; i < 2 || (i < 50 && performance.now() - warm < budgetMs / 4); i++) read();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 3 || (performance.now() - started < budgetMs && times.length < 2000)) {
    const t = performance.now();
    read();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The value on the line nearest the middle of the text that holds `key: value`, edited. */
function edited(text: string, edit: (value: string) => string): string {
  const lines = text.split('\n');
  for (let i = lines.length >> 1; i < lines.length; i++) {
    const m = /^(\s*(?:- )?(?:title|note|description): )(.+)$/.exec(lines[i]!);
    if (m) {
      lines[i] = m[1]! + edit(m[2]!);
      return lines.join('\n');
    }
  }
  throw new Error('no value to edit');
}

/** One character typed inside the value (after its first character, inside quotes if any). */
const keystroke = (value: string): string => value.slice(0, 2) + 'x' + value.slice(2);
/** The value as someone starts turning it into a flow list: the text no longer parses. */
const halfTyped = (value: string): string => '[' + value.replace(/^"|"$/g, '');

function texts(): { name: string; text: string }[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tam-yaml-readers-'));
  try {
    generateWorkspace(dir, { incidents: 200, chains: 0, longChainTasks: 290, seed: 20261125 });
    const incidents = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => /incidents[/\\].*\.yaml$/.test(f))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .sort((a, b) => a.length - b.length);
    const incident = incidents[incidents.length >> 1]!;
    const chain = fs.readFileSync(path.join(dir, 'projects/customer-0/chains/big.yaml'), 'utf8');
    return [
      { name: 'incident', text: incident },
      { name: 'chain', text: chain },
      { name: 'huge chain', text: longChain(7000) },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const rows: string[][] = [];
  for (const { name, text } of texts()) {
    const lines = text.split('\n').length - 1;
    const label = `${name} (${lines} lines)`;
    const huge = lines > 10_000;
    const variants = [
      { what: 'parse', text },
      { what: 'keystroke', text: edited(text, keystroke) },
      { what: 'half-typed', text: edited(text, halfTyped) },
    ];
    for (const reader of READERS) {
      const cells = variants.map((v) => {
        const outcome = reader.read(v.text);
        // The machine may be shared: the best of a few medians is the one least disturbed.
        const ms = Math.min(...Array.from({ length: huge ? 1 : ROUNDS }, () => time(() => reader.read(v.text), huge ? 3000 : 300)));
        return v.what === 'half-typed' ? `${format(ms)} (${outcome})` : format(ms);
      });
      rows.push([label, reader.name, ...cells]);
    }
  }
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Machine: ${os.cpus().length} × ${cpu}, load ${os.loadavg()[0]!.toFixed(1)}, Node ${process.version}; ms per read, the best of ${ROUNDS} medians (one for the huge chain).\n`);
  console.log('| text | reader | parse | keystroke | half-typed (what it makes of it) |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

function format(ms: number): string {
  return ms < 1 ? `${ms.toFixed(3)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`;
}

main();
