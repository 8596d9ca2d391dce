// `tam validate --format github`: workflow commands that GitHub Actions shows as annotations
// on the pull request's files. Paths are relative to the repository root (the job's folder).
// One line, so one command, per diagnostic: the message and the properties are encoded by
// core/text/shown, so no text from the workspace can end the line or start another command.

import type { Diagnostic } from '../diagnostic';
import { workflowCommandData, workflowCommandProperty } from '../text/shown';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function diagnosticsGithub(diagnostics: readonly Diagnostic[], pathOf: (file: string) => string): string {
  return diagnostics
    .map((d) => {
      const props = [
        `file=${workflowCommandProperty(pathOf(d.file))}`,
        `line=${d.range.start.line + 1}`,
        `col=${d.range.start.character + 1}`,
        `endLine=${d.range.end.line + 1}`,
        `endColumn=${d.range.end.character + 1}`,
        `title=${workflowCommandProperty(`tam ${d.code}`)}`,
      ];
      return `::${COMMAND[d.severity]} ${props.join(',')}::${workflowCommandData(d.message)}\n`;
    })
    .join('');
}
