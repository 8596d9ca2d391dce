// GitHub Markdown building blocks for what `tam review` and `tam docs` publish: text from the
// workspace made inert (a title may hold `|`, `<script>`, backticks or an @mention), code
// spans for ids, tables and collapsed sections.

/**
 * Workspace text inside Markdown, on one line: pipes would split a table cell, line breaks end
 * the table, emphasis, links, HTML and entities would change what the reader sees, and an
 * @name would notify someone from a pull-request comment.
 */
export function escapeMarkdown(text: string): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`)
    .replace(/(^|[^\w])@(?=\w)/g, '$1@\u200b');
}

/** An id, path or ref as a code span when it is plain enough to be one, else escaped text. */
export function code(text: string): string {
  const s = String(text);
  return /^[\w.\-/:~^+@]{1,200}$/.test(s) ? `\`${s}\`` : escapeMarkdown(s);
}

/** A table whose cells are already Markdown (escaped). Columns after the first can be right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(headers), line(headers.map((_, i) => (right.includes(i) ? '--:' : ':--'))), ...rows.map(line)];
}

/** A collapsed section; the blank lines let GitHub render Markdown (and Mermaid) inside it. */
export function details(summary: string, body: readonly string[], open = false): string[] {
  return [`<details${open ? ' open' : ''}>`, `<summary>${summary}</summary>`, '', ...body, '', '</details>'];
}

/** A fenced Mermaid block. */
export function mermaidBlock(diagram: string): string[] {
  return ['```mermaid', diagram.replace(/\n+$/, ''), '```'];
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** Text inside raw HTML (a <summary>), where Markdown escapes do not apply. */
export function escapeHtml(text: string): string {
  return String(text)
    .replace(/\s+/g, ' ')
    .replace(/[&<>"'`|@]/g, (c) => `&#${c.charCodeAt(0)};`);
}
