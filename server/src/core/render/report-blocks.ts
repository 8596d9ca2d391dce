// A document as plain blocks — headings, paragraphs, tables, a chart — whose text is kept raw,
// so that one content can be written to media with different escapes: the monthly report goes
// to GitHub Markdown and to a self-contained HTML page, and both must say the same.

/** A piece of a line: plain text, an id as code, strong or muted text. */
export type Inline = string | { code: string } | { strong: string } | { muted: string };
export type Line = readonly Inline[];

export interface TrendSeries {
  /** YYYY-MM of each point. */
  months: string[];
  response: (number | null)[];
  resolution: (number | null)[];
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: Line }
  | { kind: 'paragraph'; text: Line }
  | { kind: 'list'; items: Line[] }
  | { kind: 'table'; head: string[]; rows: Line[][]; right?: number[] }
  | { kind: 'trend'; title: string; series: TrendSeries };

export const line = (...parts: Inline[]): Line => parts;
