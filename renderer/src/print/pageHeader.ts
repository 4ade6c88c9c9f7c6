import { useEffect } from 'react';

/** Long enough for a name and a date of birth; a margin box holds one line. */
const MAX_HEADER_CHARS = 90;

/**
 * Text as a quoted CSS string: backslashes and quotes escaped, line breaks and other
 * control characters made spaces, and `<` written as an escape so the text can never
 * read as markup. Cut to one short line (the page's margin box is one line high).
 */
export function cssString(text: string, max = MAX_HEADER_CHARS): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  const chars = [...flat];
  const cut = chars
    .slice(0, max - 1)
    .join('')
    .trimEnd();
  const short = chars.length > max ? `${cut}…` : flat;
  return `"${short.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ')}"`;
}

/** The rule that writes `text` at the top left of every printed page. */
export function pageHeaderRule(text: string): string {
  return `@page { @top-left { content: ${cssString(text)}; } }`;
}

/**
 * Puts `text` in the top margin of every printed page while the print view is open.
 * A constructed style sheet rather than a <style> element: the renderer's content
 * security policy allows no inline styles, and a constructed sheet is not one.
 */
export function usePrintPageHeader(text: string | null): void {
  useEffect(() => {
    if (!text) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageHeaderRule(text));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((each) => each !== sheet);
    };
  }, [text]);
}
