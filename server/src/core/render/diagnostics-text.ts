// `tam validate --format text`: a listing in the manner of ESLint's, grouped by file, with the
// offending line and a marker under the node, colored when the terminal wants color. Paths,
// messages and the source line pass through core/text/shown, so the only escape sequences
// printed are this renderer's own colours.

import type { Diagnostic } from '../diagnostic';
import { plainSourceLine, plainText } from '../text/shown';
import type { ValidationSummary } from './diagnostics-json';

export interface TextStyle {
  color: boolean;
}

const CODES = { red: [31, 39], yellow: [33, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24], green: [32, 39] } as const;
type StyleName = keyof typeof CODES;

export function renderDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  summary: ValidationSummary,
  sourceOf: (file: string) => string | undefined,
  style: TextStyle,
  displayPath: (file: string) => string = (f) => f,
): string {
  const paint = (name: StyleName, text: string): string => (style.color ? `\u001b[${CODES[name][0]}m${text}\u001b[${CODES[name][1]}m` : text);
  const out: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  for (const [file, list] of byFile) {
    out.push(paint('underline', plainText(displayPath(file))));
    const lines = sourceOf(file)?.split(/\r?\n/);
    for (const d of list) {
      const where = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
      const sev = d.severity === 'error' ? paint('red', 'error  ') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info   ');
      out.push(`  ${paint('dim', where.padEnd(7))} ${sev}  ${plainText(d.message)}  ${paint('dim', d.code)}`);
      const line = lines?.[d.range.start.line];
      if (line !== undefined && line.trim() !== '') {
        // The marker is placed by the columns of the line as shown: an escape such as `\u001b`
        // is six characters wide where the file has one.
        const kept = cut(line, 160);
        const source = plainSourceLine(kept);
        const shown = source.text + (kept.length < line.length ? '…' : '');
        out.push(`  ${paint('dim', String(d.range.start.line + 1).padStart(5) + ' |')} ${shown}`);
        const start = Math.min(source.column(d.range.start.character), source.text.length);
        const end = d.range.end.line === d.range.start.line ? Math.min(source.column(d.range.end.character), source.text.length) : source.text.length;
        const marker = ' '.repeat(start) + '^'.repeat(Math.max(1, end - start));
        out.push(`  ${paint('dim', '      |')} ${paint(d.severity === 'error' ? 'red' : d.severity === 'warning' ? 'yellow' : 'cyan', marker)}`);
      }
      for (const r of d.related ?? []) {
        out.push(`  ${paint('dim', `        ↳ ${plainText(displayPath(r.file))}:${r.range.start.line + 1}:${r.range.start.character + 1} ${plainText(r.message)}`)}`);
      }
    }
    out.push('');
  }
  const problems = summary.errors + summary.warnings + summary.infos;
  const counts = `${summary.files} file${summary.files === 1 ? '' : 's'}, ${summary.entities} entit${summary.entities === 1 ? 'y' : 'ies'}`;
  if (problems === 0) {
    out.push(paint('green', `✔ no problems`) + paint('dim', ` (${counts})`));
  } else {
    const parts = [`${summary.errors} error${summary.errors === 1 ? '' : 's'}`, `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`];
    if (summary.infos) parts.push(`${summary.infos} info`);
    const mark = summary.errors ? '✖' : summary.warnings ? '⚠' : 'ℹ';
    const headline = `${mark} ${problems} problem${problems === 1 ? '' : 's'} (${parts.join(', ')})`;
    out.push(paint('bold', paint(summary.errors ? 'red' : summary.warnings ? 'yellow' : 'cyan', headline)) + paint('dim', ` in ${counts}`));
  }
  return out.join('\n') + '\n';
}

/** The first `max` UTF-16 units of a line, not splitting a surrogate pair. */
function cut(line: string, max: number): string {
  if (line.length <= max) return line;
  return line.slice(0, /[\ud800-\udbff]/.test(line[max - 1]!) ? max - 1 : max);
}
