// GitHub Markdown building blocks for what `tam review` and `tam docs` publish: tables,
// collapsed sections and Mermaid blocks. They take Markdown already made; text from the
// workspace becomes Markdown through core/text/shown.ts (markdownText, markdownCode, htmlText).

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
