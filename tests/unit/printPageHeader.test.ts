import { describe, expect, it } from 'vitest';
import { cssString, pageHeaderRule } from '../../renderer/src/print/pageHeader';

/** The client's name goes into a CSS string in the page margin: it must never end the string or the rule. */
describe('cssString', () => {
  it.each([
    ['Zoë Ångström · born 9 March 1987', '"Zoë Ångström · born 9 March 1987"'],
    ['O"Brien', '"O\\"Brien"'],
    ['back\\slash', '"back\\\\slash"'],
    ['a\\"; } body { display: none', '"a\\\\\\"; } body { display: none"'],
    ['line\nbreak\r\tand\u2028more', '"line break and more"'],
    ['</style><script>', '"\\3c /style>\\3c script>"'],
    ['', '""'],
    ['   ', '""'],
  ])('%j → %s', (text, expected) => {
    expect(cssString(text)).toBe(expected);
  });

  it('keeps a long name to one short line, whole characters only', () => {
    const long = `${'Ä'.repeat(200)}😀`;
    const out = cssString(long, 10);
    expect(out).toBe(`"${'Ä'.repeat(9)}…"`);
    expect(cssString(`${'x'.repeat(8)}😀😀`, 10)).toBe(`"${'x'.repeat(8)}😀😀"`);
  });

  it('builds a rule a style sheet parses as one @page rule', () => {
    expect(pageHeaderRule('O"Brien')).toBe('@page { @top-left { content: "O\\"Brien"; } }');
  });
});
