// The floor of `tam validate`: read every YAML file of a workspace and parse it, nothing else.
// Run as a fresh process by bench/run.ts: node parse-floor.js DIR yaml|js-yaml

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsYaml from 'js-yaml';
import { parseAllDocuments } from 'yaml';

const [dir, parser = 'yaml'] = process.argv.slice(2);
let documents = 0;
for (const rel of fs.readdirSync(dir!, { recursive: true, encoding: 'utf8' })) {
  if (!/\.ya?ml$/.test(rel)) continue;
  const text = fs.readFileSync(path.join(dir!, rel), 'utf8');
  if (parser === 'js-yaml') jsYaml.loadAll(text, () => void documents++, { schema: jsYaml.CORE_SCHEMA });
  else for (const doc of parseAllDocuments(text) as unknown as { toJS(): unknown }[]) if (doc.toJS() !== undefined) documents++;
}
process.stdout.write(`${documents}\n`);
