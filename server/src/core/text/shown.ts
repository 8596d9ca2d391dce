// Text from the workspace shown to a person: the one place that decides how a value someone
// wrote in YAML (a title, an id, a file name) is made inert in each medium it reaches — a
// terminal or CI log, an editor's plain text, Markdown, HTML, XML, GitHub workflow commands,
// SARIF, CSV, Mermaid and JSON.
//
// Where it applies: at the output boundary. Rules, the schedule and the SLA report build their
// messages and values with the raw text inside (`unknown department "net…"`); each renderer
// passes every piece of workspace text, whole messages included, through the function of its
// medium here. So `--format json` keeps the exact value (the JSON writer escapes it) while the
// terminal, a pull-request comment and the editor each get the form that is safe for them.
//
// The common rule, before any medium's own escapes: tab and line feed are layout and become one
// space (every output that shows workspace text shows it on one line); every other character
// that controls a display instead of printing — C0 and C1 controls, DEL, the bidirectional
// embeddings, overrides and isolates that reorder a line ("Trojan Source"), the line and
// paragraph separators, lone surrogates and the two non-characters U+FFFE/U+FFFF — is shown as
// an escape (`\r`, `\u001b`), never emitted. Backslashes themselves are left as they are: the
// aim is that nothing acts on the reader's screen, not a reversible encoding (JSON is that).

/** Characters shown as escapes; see the header. Tab and line feed are handled as layout. */
const CONTROL =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LAYOUT = /[\t\n]/g;

function escapeOf(ch: string): string {
  return ch === '\r' ? '\\r' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------
// Plain text: terminals, CI logs, the editor's messages, code lens and quick-fix titles

/**
 * One line of plain text: tab and line feed become a space, every other control character is
 * shown as an escape (`\u001b[31m` is printed as the ten characters `\u001b[31m`).
 */
export function plainText(text: string): string {
  return String(text).replace(LAYOUT, ' ').replace(CONTROL, escapeOf);
}

/** A source line for a code frame, and where each of its columns is shown. */
export interface ShownLine {
  text: string;
  /** The column in `text` of a column (UTF-16 offset) of the original line; past the end maps past the end. */
  column(original: number): number;
}

/**
 * A line of a workspace file as plainText shows it, with the mapping a code frame needs to keep
 * its `^^^` marker under the same characters: an escape is several characters wide.
 */
export function plainSourceLine(line: string): ShownLine {
  const starts: number[] = [];
  let text = '';
  for (let i = 0; i < line.length; i++) {
    starts.push(text.length);
    const ch = line[i]!;
    const pair = /[\ud800-\udbff]/.test(ch) && /[\udc00-\udfff]/.test(line[i + 1] ?? '');
    if (pair) {
      text += ch + line[i + 1];
      starts.push(text.length - 1);
      i++;
    } else {
      text += plainText(ch);
    }
  }
  starts.push(text.length);
  return { text, column: (c) => (c <= 0 ? 0 : c >= line.length ? text.length + (c - line.length) : starts[c]!) };
}

// ---------------------------------------------------------------------------------------
// Markdown (GitHub comments, `tam docs` pages, editor hovers)

/**
 * Workspace text inside Markdown, on one line: pipes would split a table cell, line breaks end
 * the table, emphasis, links, HTML and entities would change what the reader sees, and an
 * @name would notify someone from a pull-request comment.
 */
export function markdownText(text: string): string {
  return plainText(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
    .replace(/(^|[^\w])@(?=\w)/g, '$1@\u200b');
}

/** An id, path or ref as a code span when it is plain enough to be one, else escaped text. */
export function markdownCode(text: string): string {
  const s = String(text);
  return /^[\w.\-/:~^+@]{1,200}$/.test(s) ? `\`${s}\`` : markdownText(s);
}

// ---------------------------------------------------------------------------------------
// HTML and XML

/**
 * Text inside raw HTML (a `<summary>`), where Markdown escapes do not apply: every character
 * HTML, Markdown or GitHub could act on as an entity, and an @name broken so it notifies no one.
 */
export function htmlText(text: string): string {
  return plainText(text)
    .replace(/\s+/g, ' ')
    .replace(/[&<>"'`|]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/@/g, '&#64;&#8203;');
}

/**
 * Text in an XML 1.0 attribute or element (JUnit reports): the characters XML forbids are
 * shown as escapes by plainText, markup characters become entities.
 */
export function xmlText(text: string): string {
  return plainText(text).replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// ---------------------------------------------------------------------------------------
// Formats CI reads: GitHub workflow commands, SARIF, CSV, JSON

/**
 * The message of a GitHub Actions workflow command (`::error …::MESSAGE`). The runner reads one
 * command per line and decodes `%25`, `%0D` and `%0A`; with those encoded no text can end the
 * line and start a second command, and a literal `%0A` in a title stays literal.
 */
export function workflowCommandData(text: string): string {
  return plainText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command (`file=…,title=…`), where `:` and `,` end the value. */
export function workflowCommandProperty(text: string): string {
  return workflowCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A SARIF plain-text message (`message.text`). Viewers show it to people, and read
 * `[text](target)` in it as an embedded link (SARIF 2.1.0 §3.11.6), so literal brackets are
 * escaped with a backslash, and a backslash before a bracket is doubled.
 */
export function sarifText(text: string): string {
  return plainText(text)
    .replace(/\\(?=[[\]])/g, '\\\\')
    .replace(/[[\]]/g, (c) => `\\${c}`);
}

/**
 * A CSV cell (RFC 4180), one line as plainText shows it: quoted when it holds a comma or a
 * quote, quotes doubled. A text cell a spreadsheet would run as a formula (starting with
 * = + - @) gets a leading single quote, as OWASP recommends against CSV injection; the tab and
 * carriage return OWASP also lists never start a cell here, plainText having replaced them.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const shown = plainText(value);
  const text = /^[=+\-@]/.test(shown) ? `'${shown}` : shown;
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * JSON for scripts, with every value exact: JSON.stringify escapes C0 controls and lone
 * surrogates; DEL, C1 controls, bidi controls and line separators, which it leaves raw, are
 * written as `\u` escapes too (they can only occur inside strings), so printing the JSON to a
 * terminal runs nothing and parsing it gives back the same strings.
 */
export function jsonText(value: unknown, indent = 2): string {
  return escapeJson(JSON.stringify(value, null, indent));
}

function escapeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]/g, escapeOf);
}

/**
 * `jsonText(value)` (two-space indent) in pieces that join to the same text: the items of a
 * top-level array a few hundred at a time. `tam sla --format json` of 100 000 incidents was one
 * 80 MB string, copied twice more on its way out (the escapes, the bytes): 1 GB at the peak
 * instead of the index's 470 MB.
 */
export function* jsonTextPieces(value: object): Generator<string> {
  const entries = Array.isArray(value) ? [] : Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0 || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield jsonText(value);
    return;
  }
  yield '{';
  let first = true;
  for (const [key, v] of entries) {
    const comma = first ? '' : ',';
    if (!Array.isArray(v) || v.length === 0) {
      // The property as JSON.stringify writes it inside the object: its lines two spaces in
      // (none when its toJSON gives nothing).
      const whole = JSON.stringify({ [key]: v }, null, 2);
      if (whole === '{}') continue;
      first = false;
      yield comma + escapeJson(whole.slice(1, -2));
      continue;
    }
    first = false;
    const name = JSON.stringify(key);
    yield `${comma}\n  ${escapeJson(name)}: [`;
    // A few hundred items at a time, written by JSON.stringify as the items of this very list
    // (four spaces in), then cut out of their brackets.
    const head = `{\n  ${name}: [\n`.length;
    for (let i = 0; i < v.length; i += PIECE_ITEMS) {
      const whole = JSON.stringify({ [key]: v.slice(i, i + PIECE_ITEMS) }, null, 2);
      yield `${i ? ',' : ''}\n${escapeJson(whole.slice(head, -'\n  ]\n}'.length))}`;
    }
    yield '\n  ]';
  }
  yield first ? '}' : '\n}';
}

/** Items of a top-level list written at a time by `jsonTextPieces`. */
const PIECE_ITEMS = 256;

// ---------------------------------------------------------------------------------------
// Mermaid (`tam graph`, graphs in reviews and docs, the editor's graph view)

// Characters that mean nothing to Mermaid's lexers inside a quoted label, to its preprocessor
// (`%%{init}%%` directives, `<tag>` clean-up) or to HTML. Everything else becomes an entity code.
const MERMAID_PLAIN = /^[\p{L}\p{N}\p{M} .,_\-/'()!?]$/u;
// encodeEntities/decodeEntities in Mermaid use these as markers; a title must not fake them.
const MERMAID_MARKERS = new Set(['\uFB02', '\u00B6', '\u00B0']);

/**
 * User text made safe inside a quoted Mermaid label (`n0["…"]`) or a gantt line: control
 * characters shown as escapes (plainText), whitespace runs made one space, letters, digits and
 * harmless punctuation kept, and every other character written as Mermaid's entity code
 * `#<code point>;`, which Mermaid turns into an HTML character reference when it renders
 * (`<` → `#60;` → `&#60;`). So quotes, brackets, `-->`, `%%`, `#`, `;`, `:`, backticks and
 * `<script>` reach the diagram as text only.
 */
export function mermaidLabel(text: string): string {
  let out = '';
  let space = false;
  for (const ch of plainText(text)) {
    if (/^\s$/u.test(ch)) {
      space = out !== '';
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += MERMAID_PLAIN.test(ch) && !MERMAID_MARKERS.has(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

/**
 * Text for a gantt line, which Mermaid reads up to the first `:` and matches against keywords
 * (`section`, `click`, `title`, `excludes`…) at its start: escaped as a label, with its first
 * ASCII letter written as an entity so that no keyword can match. `fallback` when it is empty.
 */
export function mermaidGanttText(text: string, fallback: string): string {
  const escaped = mermaidLabel(text) || mermaidLabel(fallback);
  return escaped.replace(/^[A-Za-z]/, (c) => `#${c.charCodeAt(0)};`);
}
