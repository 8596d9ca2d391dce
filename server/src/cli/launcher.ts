// The `tam` executable: runs the CLI's bundle (tam-cli.js, beside this file) from V8's compiled
// code of it when the build left some for this Node (tam-cli.js.code-cache, written by
// esbuild.mjs). Compiling the 1.4 MB bundle, and then each function as it is first called, was
// a fifth of checking the sample workspace (245 → 200 ms). The cache is only ever read here, and
// only for the bundle it was made from and whole: it starts with that file's size and
// modification time and a sum of the rest (V8 itself checks no more than the length of the
// source, its own version and flags; it refuses a cache of another Node, and the bundle is then
// compiled as usual). Nothing else of the CLI lives in this file, which Node compiles each start.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { debuglog } from 'node:util';
import * as vm from 'node:vm';

const bundle = path.join(__dirname, 'tam-cli.js');
const cacheFile = `${bundle}.code-cache`;
/**
 * Before V8's data in the cache file: the bundle's size and mtime (in ms, compared to within one:
 * `sameTime`) as two float64s, then the SHA-1 of V8's data. V8 checks no sum of its own in a
 * release build, and a spoiled cache would crash Node instead of being refused.
 */
const SUM = 16;
const HEADER = SUM + 20;

/**
 * The bundle's modification time is the one the cache was made for, to within a millisecond: a
 * copy that keeps the time (`cp -p`, utimes in float seconds) may land a few hundred
 * nanoseconds away, and on the other side of a millisecond's edge (a whole-millisecond
 * comparison refused one such copy in a test, once in a few thousand builds).
 */
function sameTime(cached: number, now: number): boolean {
  return Math.abs(cached - now) < 1;
}

/** NODE_DEBUG=tam says whether the cache was used. */
const debug = debuglog('tam');

/** Set by esbuild.mjs for the one run that writes the cache. */
const writeCache = process.env.TAM_WRITE_CODE_CACHE === '1';

/** The cache of this very bundle, or undefined. */
function readCache(): Buffer | undefined {
  try {
    const data = fs.readFileSync(cacheFile);
    const stat = fs.statSync(bundle);
    if (data.length <= HEADER || data.readDoubleLE(0) !== stat.size || !sameTime(data.readDoubleLE(8), stat.mtimeMs)) return undefined;
    const v8Data = data.subarray(HEADER);
    return createHash('sha1').update(v8Data).digest().equals(data.subarray(SUM, HEADER)) ? v8Data : undefined;
  } catch {
    return undefined;
  }
}

function write(script: vm.Script): void {
  const stat = fs.statSync(bundle);
  const v8Data = script.createCachedData();
  const header = Buffer.alloc(HEADER);
  header.writeDoubleLE(stat.size, 0);
  header.writeDoubleLE(stat.mtimeMs, 8);
  createHash('sha1').update(v8Data).digest().copy(header, SUM);
  fs.writeFileSync(cacheFile, Buffer.concat([header, v8Data]));
}

const cachedData = writeCache ? undefined : readCache();
if (!cachedData && !writeCache) {
  debug('no code cache of this bundle');
  require(bundle);
} else {
  // What Node's loader does for a CommonJS file, with V8's cache in the compile step.
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(bundle, 'utf8')}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, cachedData });
  debug(writeCache ? 'writing the code cache' : script.cachedDataRejected ? 'code cache refused by V8' : 'code cache used');
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, __dirname);
  // At the end of the run, so that the code of every function it called is in the cache.
  if (writeCache) process.once('exit', () => write(script));
}
