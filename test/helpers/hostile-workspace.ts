// A workspace written by someone who wants to act on the reader's terminal, editor or pull
// request: a title, a name and a reference that hold terminal escape sequences (colour, window
// title, hyperlink, screen clearing, bell), a carriage return that would overwrite the line,
// bidi overrides, a NUL, Markdown and HTML, an @mention and GitHub workflow-command text; a
// file whose name holds an escape; and a line with raw bidi and tab characters before the
// value a diagnostic points at. The tests of every output read it (test/cli, test/lsp).

/** The hostile text as a YAML double-quoted scalar writes it (its escapes: \e ESC, \a BEL, \0 NUL). */
export const HOSTILE_YAML =
  String.raw`net\e[31mRED\e]0;title\awork \e]8;;https://evil.example\e\\link\e]8;;\e\\ \e[2J\rOVERWRITE ` +
  String.raw`\u202Eevil\u202C \u2066iso\u2069 nul\0 | @someone <script>alert(1)</script> ` +
  '`tick` & %0A ::error::pwned [x](https://evil.example)';

/** The same text as the workspace holds it once parsed. */
export const HOSTILE =
  'net\u001b[31mRED\u001b]0;title\u0007work \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u001b[2J\rOVERWRITE ' +
  '\u202eevil\u202c \u2066iso\u2069 nul\u0000 | @someone <script>alert(1)</script> `tick` & %0A ::error::pwned [x](https://evil.example)';

/** How the start of HOSTILE reads when shown as plain text: the escape written out, not run. */
export const SHOWN_START = 'net\\u001b[31mRED\\u001b]0;title\\u0007work';

/** A file name with an escape sequence in it (allowed on Linux and macOS). */
export const HOSTILE_FILE = 'projects/acme/incidents/INC-\u001b[41mX.yaml';

/** The line of projects/acme/chains/broken.yaml whose department a diagnostic points at. */
export const RAW_LINE = '  - { id: only, title: "\u202eraw bidi\there", department: nowhere, status: todo, estimate: 1d }';

export const HOSTILE_FILES: Record<string, string> = {
  'projects/acme/project.yaml': `kind: project
id: acme
name: "${HOSTILE_YAML}"
client: "${HOSTILE_YAML}"
tam: anna
departments: [evil, network]
contacts:
  - { name: "${HOSTILE_YAML}", role: admin, email: "x@example.com" }
`,
  'org/evil.yaml': `kind: department
id: evil
name: "${HOSTILE_YAML}"
calendar: msk
`,
  'projects/acme/chains/hostile.yaml': `kind: chain
id: hostile
project: acme
title: "${HOSTILE_YAML}"
deadline: 2026-11-26
tasks:
  - { id: first, title: "${HOSTILE_YAML}", department: evil, status: in_progress, started: 2026-11-20, estimate: 10d }
  - { id: second, title: "${HOSTILE_YAML}", department: evil, status: todo, estimate: 1d }
  - { id: third, title: "${HOSTILE_YAML}", department: network, status: todo, estimate: 1d, depends_on: [first, second] }
`,
  'projects/acme/chains/broken.yaml': `kind: chain
id: broken
project: acme
title: "Broken \u202ereferences"
tasks:
${RAW_LINE}
  - { id: other, title: x, department: "${HOSTILE_YAML}", status: todo, estimate: 1d, assignee: "${HOSTILE_YAML}" }
`,
  'projects/acme/incidents/INC-1.yaml': `kind: incident
id: INC-1
project: acme
title: "${HOSTILE_YAML}"
priority: P1
opened: 2026-11-20T10:00:00+03:00
department: evil
timeline:
  - { at: 2026-11-20T10:05:00+03:00, status: acknowledged, by: anna }
`,
  [HOSTILE_FILE]: `kind: incident
id: INC-2
project: acme
title: Named oddly
priority: P9
opened: 2026-11-21T10:00:00+03:00
timeline: []
`,
};

/**
 * Characters that must not reach an output, written independently of core/text/shown: every
 * C0 and C1 control and DEL, bidi embeddings, overrides and isolates, line and paragraph
 * separators, U+FFFE/U+FFFF and lone surrogates.
 */
export const FORBIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]|\p{Cs}/gu;

/**
 * The forbidden characters in an output other than the line feeds it is made of (and, for CSV,
 * the carriage return of each CRLF), with their offsets, for a readable failure.
 */
export function rawControls(output: string, { crlf = false } = {}): string[] {
  const text = crlf ? output.replace(/\r\n/g, '\n') : output;
  return [...text.matchAll(FORBIDDEN)].filter((m) => m[0] !== '\n').map((m) => `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m.index}: …${JSON.stringify(text.slice(Math.max(0, m.index! - 20), m.index! + 10))}`);
}
