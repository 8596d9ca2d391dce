// Text from the workspace shown to a person (core/text/shown): what each medium receives for the
// values an attacker would write — terminal escape sequences, bidi overrides, Markdown and HTML,
// XML-forbidden characters, workflow-command separators — and that nothing else is changed.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import {
  csvCell,
  htmlText,
  jsonText,
  jsonTextPieces,
  markdownCode,
  markdownText,
  plainSourceLine,
  plainText,
  sarifText,
  workflowCommandData,
  workflowCommandProperty,
  xmlText,
} from '../../../server/src/core/text/shown';

/**
 * The characters that must never be emitted, written independently of the module: every C0 and
 * C1 control and DEL (Unicode category Cc), the bidi embeddings, overrides and isolates, the
 * line and paragraph separators, U+FFFE/U+FFFF, and surrogates that are not part of a pair.
 */
const FORBIDDEN = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]|\p{Cs}/u;

/** Every BMP code unit, each on its own, so lone surrogates are included. */
const EVERY_CODE_UNIT = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i));

describe('plainText: one line for a terminal, a CI log or the editor', () => {
  it('shows terminal escape sequences instead of emitting them', () => {
    assert.equal(plainText('net\u001b[31mRED\u001b]0;title\u0007work'), 'net\\u001b[31mRED\\u001b]0;title\\u0007work');
    assert.equal(plainText('\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\'), '\\u001b]8;;https://evil.example\\u001b\\click\\u001b]8;;\\u001b\\');
    assert.equal(plainText('\u001b[2Jcleared'), '\\u001b[2Jcleared');
    assert.equal(plainText('\u009b31m C1 CSI'), '\\u009b31m C1 CSI');
    assert.equal(plainText('nul\u0000 del\u007f'), 'nul\\u0000 del\\u007f');
  });

  it('shows a carriage return, which would overwrite the line', () => {
    assert.equal(plainText('all good\rFAKE'), 'all good\\rFAKE');
  });

  it('shows bidi overrides and isolates, which reorder a line (Trojan Source)', () => {
    assert.equal(plainText('admin\u202e\u2066txt.exe\u2069'), 'admin\\u202e\\u2066txt.exe\\u2069');
  });

  it('makes tabs and line breaks one space each: layout, not content', () => {
    assert.equal(plainText('a\tb\nc'), 'a b c');
  });

  it('leaves printable text alone: Cyrillic, emoji, punctuation, backslashes', () => {
    for (const text of ['Сеть ВЛАН 214', '🚀 <b>|</b> & `x` @anna %0A ::error::', 'C:\\path\\to', 'zero\u200bwidth']) assert.equal(plainText(text), text);
  });

  it('emits no forbidden character for any code unit, and changes only those and tab / line feed', () => {
    for (const ch of EVERY_CODE_UNIT) {
      const shown = plainText(ch);
      assert.ok(!FORBIDDEN.test(shown), `U+${ch.charCodeAt(0).toString(16)} reached the output`);
      if (ch === '\t' || ch === '\n') assert.equal(shown, ' ');
      else if (FORBIDDEN.test(ch)) assert.match(shown, /^\\(r|u[0-9a-f]{4})$/);
      else assert.equal(shown, ch);
    }
  });

  it('keeps a surrogate pair, shows a lone surrogate', () => {
    assert.equal(plainText('🚀'), '🚀');
    assert.equal(plainText('a\ud83db'), 'a\\ud83db');
    assert.equal(plainText('\ude80x'), '\\ude80x');
  });
});

describe('plainSourceLine: a code frame line and its columns', () => {
  it('moves the columns after an escape by its width', () => {
    const line = plainSourceLine('name: "a\u001b[31mb"');
    assert.equal(line.text, 'name: "a\\u001b[31mb"');
    assert.equal(line.column(7), 7); // a
    assert.equal(line.column(8), 8); // the escape starts where ESC was
    assert.equal(line.column(9), 14); // [ after the six characters of \u001b
    assert.equal(line.column(14), 19); // the closing quote
    assert.equal(line.column(15), 20); // end of line
    assert.equal(line.column(17), 22); // past the end stays past the end
  });

  it('maps every column to the start of what that character became', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const line = plainSourceLine(text);
        assert.equal(line.text, plainText(text));
        for (let i = 0; i < text.length; ) {
          const width = text.codePointAt(i)! > 0xffff ? 2 : 1;
          assert.equal(line.text.slice(line.column(i), line.column(i + width)), plainText(text.slice(i, i + width)));
          i += width;
        }
        assert.equal(line.column(text.length), line.text.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('markdownText and markdownCode: Markdown on one line', () => {
  it('escapes what would format, link, tag, split a table or notify someone', () => {
    assert.equal(markdownText('DB | <script>alert(1)</script> `x`'), 'DB \\| \\<script\\>alert(1)\\</script\\> \\`x\\`');
    assert.equal(markdownText('[click](https://evil.example) *bold* _em_ ~~s~~ # h'), '\\[click\\](https://evil.example) \\*bold\\* \\_em\\_ \\~\\~s\\~\\~ \\# h');
    assert.equal(markdownText('ping @someone, mail anna@example.com'), 'ping @\u200bsomeone, mail anna@example.com');
    assert.equal(markdownText('Q&A &amp; &#60;'), 'Q&amp;A &amp;amp; &amp;\\#60;');
    assert.equal(markdownText('  two\n\nlines\t '), 'two lines');
  });

  it('shows control characters, escaping their backslash so Markdown prints it', () => {
    assert.equal(markdownText('a\u001b[2Jb\u202e'), 'a\\\\u001b\\[2Jb\\\\u202e');
  });

  it('writes plain ids as code spans and anything else as escaped text', () => {
    assert.equal(markdownCode('landscape/vm'), '`landscape/vm`');
    assert.equal(markdownCode('a`b'), 'a\\`b');
    assert.equal(markdownCode('x\u001b[31m'), 'x\\\\u001b\\[31m');
  });
});

describe('htmlText: text inside raw HTML', () => {
  it('codes markup, table and mention characters, and shows controls', () => {
    assert.equal(htmlText('<img src=x onerror="a">'), '&#60;img src=x onerror=&#34;a&#34;&#62;');
    assert.equal(htmlText("a|b `c` 'd' & @e"), 'a&#124;b &#96;c&#96; &#39;d&#39; &#38; &#64;&#8203;e');
    assert.equal(htmlText('x\u001by\nz'), 'x\\u001by z');
  });
});

describe('xmlText: JUnit attributes and elements', () => {
  const parse = (xml: string) => new new JSDOM('').window.DOMParser().parseFromString(xml, 'application/xml');

  it('gives well-formed XML 1.0 for every code unit, reading back as plainText shows it', () => {
    const all = EVERY_CODE_UNIT.join('');
    const doc = parse(`<case name="${xmlText(all)}">${xmlText(all)}</case>`);
    assert.equal(doc.getElementsByTagName('parsererror').length, 0);
    assert.equal(doc.documentElement.getAttribute('name'), plainText(all));
    assert.equal(doc.documentElement.textContent, plainText(all));
  });

  it('without it the same text is not XML (the test can fail)', () => {
    const doc = parse(`<case>${'a\u001bb'}</case>`);
    assert.equal(doc.getElementsByTagName('parsererror').length, 1);
  });
});

/** How the GitHub Actions runner reads a command's message and properties back. */
const runnerData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const runnerProperty = (s: string) => runnerData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

describe('workflow commands: one line each, read back as shown', () => {
  it('encodes % so a literal %0A stays literal, and line breaks cannot start a second command', () => {
    assert.equal(workflowCommandData('50%0A::error::pwned'), '50%250A::error::pwned');
    assert.equal(workflowCommandData('a\r\n::error::b'), 'a\\r ::error::b');
    assert.equal(workflowCommandProperty('dir:a,b/c.yaml'), 'dir%3Aa%2Cb/c.yaml');
  });

  it('never holds a line break, a control or a property separator, and decodes to plainText', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const data = workflowCommandData(text);
        const prop = workflowCommandProperty(text);
        assert.ok(!FORBIDDEN.test(data) && !FORBIDDEN.test(prop));
        assert.ok(!/[:,]/.test(prop));
        assert.equal(runnerData(data), plainText(text));
        assert.equal(runnerProperty(prop), plainText(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('sarifText: SARIF plain-text messages', () => {
  it('escapes brackets so a value cannot become an embedded link', () => {
    assert.equal(sarifText('see [here](https://evil.example) or [x](1)'), 'see \\[here\\](https://evil.example) or \\[x\\](1)');
    assert.equal(sarifText('a\\[b'), 'a\\\\\\[b');
    assert.equal(sarifText('\u001b[1m'), '\\u001b\\[1m');
  });
});

describe('csvCell', () => {
  it('defuses formulas, quotes commas and quotes, and keeps one line', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil.example","x")'), `"'=HYPERLINK(""http://evil.example"",""x"")"`);
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('line\nbreak'), 'line break');
    assert.equal(csvCell('ESC\u001b[2J'), 'ESC\\u001b[2J');
    assert.equal(csvCell(-5), '-5');
  });
});

describe('jsonText: exact values, inert bytes', () => {
  it('parses back to the same value, and prints no forbidden character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 10 }), (value, key) => {
        const text = jsonText({ [key]: value, list: [value] }, 0);
        assert.deepEqual(JSON.parse(text), { [key]: value, list: [value] });
        assert.ok(!FORBIDDEN.test(text), JSON.stringify(text));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes what JSON.stringify leaves raw', () => {
    assert.equal(jsonText('\u009b\u202e\u2028\u007f', 0), '"\\u009b\\u202e\\u2028\\u007f"');
    assert.equal(JSON.stringify('\u202e'), '"\u202e"'); // why jsonText exists
  });
  it('in pieces, an item of a top-level array each, joins to the very same text', () => {
    const leaf = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), tie('node'), { maxKeys: 4 })),
    })).node;
    const top = fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.oneof(value, fc.array(value, { maxLength: 6 }), fc.constant(() => 1)), { maxKeys: 5 });
    fc.assert(
      fc.property(top, (object) => {
        assert.equal([...jsonTextPieces(object)].join(''), jsonText(object));
      }),
      { numRuns: 1000 },
    );
    // The shapes the commands print: a list of items, the totals beside it, an empty list.
    const report = { incidents: [{ id: 'INC-1', title: 'a\u2028b', clocks: [1, 2] }, { id: 'INC-2', note: undefined, at: new Date(0) }], groups: [], totals: { open: 1 }, skip: undefined, fn: () => 1 };
    const pieces = [...jsonTextPieces(report)];
    assert.equal(pieces.join(''), jsonText(report));
    assert.ok(pieces.length >= 4, 'the list in pieces of its own');
    // A list long enough to go out in several pieces, with items JSON writes as null.
    const long = { items: Array.from({ length: 700 }, (_, i) => (i % 7 === 0 ? undefined : i % 11 === 0 ? () => i : i % 5 === 0 ? [i, { n: '\u202e' }] : { i })), after: 1 };
    const longPieces = [...jsonTextPieces(long)];
    assert.ok(longPieces.length > 5, `${longPieces.length} pieces`);
    assert.equal(longPieces.join(''), jsonText(long));
    assert.equal([...jsonTextPieces({})].join(''), '{}');
    const silent = { a: 1, gone: { toJSON: () => undefined }, b: [2] };
    assert.equal([...jsonTextPieces(silent)].join(''), jsonText(silent));
    assert.equal([...jsonTextPieces({ gone: silent.gone })].join(''), '{}');
    assert.equal([...jsonTextPieces([1, [2]])].join(''), jsonText([1, [2]]));
  });
});
