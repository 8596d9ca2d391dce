// `tam validate --format junit`: one test suite per file and one test case per diagnostic,
// so CI systems that show JUnit reports list each problem; errors are failures, warnings and
// infos pass with their text in system-out. A file without problems is one passing case.
// Names and messages go through xmlText (core/text/shown): well-formed XML 1.0 whatever they hold.

import type { Diagnostic } from '../diagnostic';
import { xmlText } from '../text/shown';

export function diagnosticsJunit(diagnostics: readonly Diagnostic[], files: readonly string[], displayPath: (f: string) => string = (f) => f): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of files) byFile.set(f, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, list] of byFile) {
    const name = xmlText(displayPath(file));
    const cases: string[] = [];
    let suiteFailures = 0;
    if (list.length === 0) cases.push(`    <testcase classname="${name}" name="${name} is valid" time="0"/>`);
    for (const d of list) {
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const title = xmlText(`${where} ${d.code}: ${d.message}`);
      if (d.severity === 'error') {
        suiteFailures++;
        cases.push(
          `    <testcase classname="${name}" name="${title}" time="0">\n      <failure type="${d.code}" message="${xmlText(d.message)}">${xmlText(`${displayPath(file)}:${where} ${d.message} (${d.code})`)}</failure>\n    </testcase>`,
        );
      } else {
        cases.push(`    <testcase classname="${name}" name="${title}" time="0">\n      <system-out>${xmlText(`${d.severity}: ${d.message} (${d.code})`)}</system-out>\n    </testcase>`);
      }
    }
    const count = Math.max(1, list.length);
    tests += count;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${name}" tests="${count}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tam validate" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
