/**
 * The renderer keeps one set of design tokens and one look for form controls (the issue:
 * "one set of CSS design tokens … and one shared style for form controls instead of the
 * five copies"). This reads the real stylesheets under renderer/src and holds two lines:
 *
 * 1. A colour is written as a literal (hex, rgb(), hsl()) only in tokens.css; everywhere
 *    else it is a var(--token).
 * 2. Only formControls.css gives a control its look. Elsewhere a rule whose subject is a
 *    text box, text area, select or the rich-text box may size and place it (width,
 *    margins, grid…) but not set its font, colour, background, border, outline, shadow or
 *    padding; and a global button style (`button`, `button.danger`, `button:hover`…, with
 *    no ancestor) is written nowhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const sourceRoot = join(__dirname, '..', '..', 'renderer', 'src');
const TOKENS = 'tokens.css';
const FORM_CONTROLS = 'formControls.css';

/** Files not yet held to the rules, each with its reason (none now). Keep this short. */
const NOT_YET = new Set<string>();

const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/i;
const CONTROL_LOOK =
  /^(?:font(?:-[a-z]+)?|color|background(?:-[a-z]+)?|border(?:-[a-z]+)*|outline(?:-[a-z]+)?|box-shadow|padding(?:-[a-z]+)?|appearance)$/;

type Rule = { selectors: string[]; declarations: { property: string; value: string }[] };

/** The innermost `selector { declarations }` blocks of a stylesheet (rules inside @media included). */
function parseRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  for (const [, head = '', body = ''] of text.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = head
      .trim()
      .split(/,(?![^(]*\))/)
      .map((selector) => selector.trim())
      .filter(Boolean);
    const declarations = body
      .split(';')
      .map((line) => line.trim())
      .filter((line) => line.includes(':'))
      .map((line) => {
        const colon = line.indexOf(':');
        return { property: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() };
      });
    rules.push({ selectors, declarations });
  }
  return rules;
}

/** The compound a selector styles: its last part, with :has()/:not()/… arguments removed. */
function subjectOf(selector: string): string {
  let flat = selector;
  // Arguments may nest (:has(.a:not(.b))): strip the innermost until none is left.
  while (/\([^()]*\)/.test(flat)) flat = flat.replace(/\([^()]*\)/g, '');
  const parts = flat.split(/\s*[\s>+~]\s*/).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

const isTextControl = (subject: string) =>
  /^(?:input|textarea|select)(?![\w-])/.test(subject) || /\.rich-text-input(?![\w-])/.test(subject);
const isGlobalButton = (selector: string) => /^button(?![\w-])[^\s>+~]*$/.test(selector.trim());

/** Every way a stylesheet breaks the two rules, as readable lines. */
function problemsIn(file: string, css: string): string[] {
  const problems: string[] = [];
  for (const rule of parseRules(css)) {
    const where = `${file}: ${rule.selectors.join(', ')}`;
    if (file !== TOKENS) {
      for (const { property, value } of rule.declarations) {
        if (COLOUR_LITERAL.test(value))
          problems.push(`${where} { ${property}: ${value} } writes a colour, not a token`);
      }
    }
    if (file === FORM_CONTROLS || file === TOKENS) continue;
    for (const selector of rule.selectors) {
      if (isGlobalButton(selector)) problems.push(`${where} restyles every button (belongs in ${FORM_CONTROLS})`);
      if (!isTextControl(subjectOf(selector))) continue;
      for (const { property } of rule.declarations) {
        if (CONTROL_LOOK.test(property)) problems.push(`${where} sets ${property} on a form control`);
      }
    }
  }
  return problems;
}

function stylesheets(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return stylesheets(path);
    return entry.name.endsWith('.css') ? [path] : [];
  });
}

describe('renderer stylesheets', () => {
  const files = stylesheets(sourceRoot).map((path) => ({
    file: relative(sourceRoot, path).split('\\').join('/'),
    css: readFileSync(path, 'utf8'),
  }));

  it('finds the stylesheets, the tokens and the form controls', () => {
    const names = files.map(({ file }) => file);
    expect(names).toContain(TOKENS);
    expect(names).toContain(FORM_CONTROLS);
    expect(names.length).toBeGreaterThan(20);
  });

  it('writes colours only as tokens, and gives controls their look only in formControls.css', () => {
    const problems = files.filter(({ file }) => !NOT_YET.has(file)).flatMap(({ file, css }) => problemsIn(file, css));
    expect(problems).toEqual([]);
  });

  it('defines every custom property it uses (in tokens.css, or locally for a layout value)', () => {
    const defined = new Set(files.flatMap(({ css }) => [...css.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1])));
    const undefinedTokens = files
      .filter(({ file }) => !NOT_YET.has(file))
      .flatMap(({ file, css }) =>
        [...css.matchAll(/var\((--[\w-]+)\)/g)]
          .map((m) => m[1])
          .filter((name) => !defined.has(name))
          .map((name) => `${file}: ${name}`),
      );
    expect(undefinedTokens).toEqual([]);
  });

  // The rules catch what the renderer used to hold (copies from the old notes, homework and templates sheets).
  it.each([
    [
      'a copied select look',
      '.assign-form select { font: inherit; border: 1px solid var(--line-strong); }',
      'sets font',
    ],
    ['a raw colour', '.alert-info { border-color: #c6d2e3; }', 'writes a colour'],
    ['an rgba shadow', '.card { box-shadow: 0 1px 3px rgba(0, 0, 0, 0.05); }', 'writes a colour'],
    ['a second danger button', 'button.danger:hover { background: var(--danger-strong); }', 'restyles every button'],
    [
      'the rich-text box restyled',
      '.note .rich-text-input:focus { border-color: var(--accent); }',
      'sets border-color',
    ],
    ['a control inside @media', '@media print { .x textarea { padding: 0; } }', 'sets padding'],
  ])('reports %s', (_why, css, expected) => {
    expect(problemsIn('notes/notes.css', css).join('\n')).toContain(expected);
  });

  it.each([
    ['a control sized in its place', '.new-note select { max-width: 24rem; }'],
    ['a parent styled by what it holds', '.choice:has(input:focus-visible) { box-shadow: var(--focus); }'],
    ['a button styled in its place', '.restored-notice button { margin-left: auto; }'],
  ])('allows %s', (_why, css) => {
    expect(problemsIn('notes/notes.css', css)).toEqual([]);
  });
});
