// `tam validate --format github`: workflow commands that GitHub Actions shows as annotations
// on the pull request's files. Paths are relative to the repository root (the job's folder).

import type { Diagnostic } from '../diagnostic';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function diagnosticsGithub(diagnostics: readonly Diagnostic[], pathOf: (file: string) => string): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${prop(pathOf(d.file))}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${prop(`tam ${d.code}`)}`,
      ];
      return `::${COMMAND[d.severity]} ${props.join(',')}::${data(d.message)}\n`;
    })
    .join('');
}

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
