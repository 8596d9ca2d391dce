import * as fs from 'node:fs';
import * as jsYaml from 'js-yaml';
import { ownStrings } from '../server/src/core/workspace/own-strings';
const dir = '/tmp/ws/w10k/projects/customer-1/incidents';
const texts = fs.readdirSync(dir).map((f) => fs.readFileSync(dir + '/' + f, 'utf8'));
for (let round = 0; round < 3; round++) {
  let t = performance.now(); const vals = texts.map((t) => { const v: unknown[] = []; jsYaml.loadAll(t, (x) => v.push(x), { schema: jsYaml.CORE_SCHEMA }); return v; }); const parse = performance.now() - t;
  t = performance.now(); for (const v of vals) ownStrings(v); const own = performance.now() - t;
  console.log(texts.length, 'parse µs/file', (parse * 1000 / texts.length).toFixed(1), 'own µs/file', (own * 1000 / texts.length).toFixed(1));
}
