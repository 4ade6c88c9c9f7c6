import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkitModule from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, type RGB, rgb } from 'pdf-lib';

/**
 * A small flowing-text layout over pdf-lib for the printable client record: A4 pages,
 * wrapped paragraphs, label/value rows, headings kept with what follows, and a header
 * and "Page n of m" footer drawn on every page once the page count is known.
 */

/** A4 in PostScript points (ISO 216: 210 × 297 mm). */
export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = { left: 56, right: 56, top: 72, bottom: 64 };
export const CONTENT_WIDTH = A4[0] - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.4, 0.4, 0.44);
export const RULE = rgb(0.78, 0.78, 0.8);

export const BODY_SIZE = 10.5;
const LINE_GAP = 1.45;

// The core is bundled to CommonJS (electron/build/bundle.mjs) and run as such by vitest
// too, so __filename is this file or the bundle; node_modules is found from either.
const requireHere = createRequire(__filename);

// The package is a UMD bundle: imported from ESM its functions may sit on `default`.
const fontkit: typeof fontkitModule =
  (fontkitModule as unknown as { default?: typeof fontkitModule }).default ?? fontkitModule;

export type Fonts = { regular: PDFFont; bold: PDFFont; hasGlyph: (codePoint: number) => boolean };

type FontkitFont = { hasGlyphForCodePoint(codePoint: number): boolean };

let fontBytes: { regular: Uint8Array; bold: Uint8Array } | undefined;

/** DejaVu Sans (Bitstream Vera / DejaVu licence, free to embed), read once per process. */
function loadFontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  fontBytes ??= {
    regular: readFileSync(requireHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(requireHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fontBytes;
}

export async function newDocument(title: string, exportedAt: Date): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const bytes = loadFontBytes();
  // Subset: only the glyphs used go into each file, so a record stays tens of kilobytes.
  const regular = await doc.embedFont(bytes.regular, { subset: true });
  const bold = await doc.embedFont(bytes.bold, { subset: true });
  const face: FontkitFont = fontkit.create(bytes.regular);
  doc.setTitle(title);
  doc.setCreator('Sessionkeep');
  doc.setProducer('Sessionkeep');
  doc.setCreationDate(exportedAt);
  doc.setModificationDate(exportedAt);
  const known = new Map<number, boolean>();
  const hasGlyph = (codePoint: number) => {
    let has = known.get(codePoint);
    if (has === undefined) {
      has = face.hasGlyphForCodePoint(codePoint);
      known.set(codePoint, has);
    }
    return has;
  };
  return { doc, fonts: { regular, bold, hasGlyph } };
}

/**
 * The text as printed. Clinical text is the client's: it is printed exactly, except that
 * it is composed to NFC (so "e" + combining diaeresis uses DejaVu's "ë"), tabs become
 * spaces, line breaks stay, other control characters are dropped, and, as a last resort, a character
 * DejaVu Sans has no glyph for (most emoji, CJK) becomes "?" rather than an invisible
 * box. The JSON files in the same export keep every character.
 */
export function printable(text: string, fonts: Fonts): string {
  let out = '';
  for (const char of text.normalize('NFC').replace(/\t/g, '    ').replace(/\r\n?/g, '\n')) {
    const codePoint = char.codePointAt(0) ?? 0x3f;
    // Line breaks are kept: wrapText starts a new line at each.
    if (char === '\n') out += char;
    if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    // Variation selectors and zero-width joiners have no glyph of their own.
    if (codePoint === 0x200d || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) continue;
    out += fonts.hasGlyph(codePoint) ? char : '?';
  }
  return out;
}

/**
 * Word widths, per font, at 1 pt. pdf-lib measures a custom font by running fontkit's
 * layout on the whole string, so measuring each growing line was quadratic and slow
 * (seconds for a long record); words repeat a lot, and a line is the sum of its words.
 */
const wordWidths = new WeakMap<PDFFont, Map<string, number>>();
function widthOf(font: PDFFont, text: string, size: number): number {
  let cache = wordWidths.get(font);
  if (!cache) {
    cache = new Map();
    wordWidths.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    if (cache.size < 50_000) cache.set(text, width);
  }
  return width * size;
}

/** Breaks text into lines no wider than `width`; words longer than a line are split. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = widthOf(font, ' ', size);
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/ +/)) {
      const wordWidth = widthOf(font, word, size);
      const candidate = line === '' ? wordWidth : lineWidth + space + wordWidth;
      if (candidate <= width) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (widthOf(font, rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = widthOf(font, rest, size);
    }
    lines.push(line);
  }
  return lines;
}

export type TextStyle = { size?: number; bold?: boolean; color?: RGB; indent?: number; after?: number };

export class Layout {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN.top;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  space(points: number): void {
    this.y -= points;
  }

  lineHeight(size: number): number {
    return size * LINE_GAP;
  }

  text(raw: string, style: TextStyle = {}): void {
    const size = style.size ?? BODY_SIZE;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const indent = style.indent ?? 0;
    const lines = wrapText(printable(raw, this.fonts), font, size, CONTENT_WIDTH - indent);
    for (const line of lines) {
      this.ensure(this.lineHeight(size));
      this.y -= size;
      if (line !== '') {
        this.page.drawText(line, { x: MARGIN.left + indent, y: this.y, size, font, color: style.color ?? INK });
      }
      this.y -= this.lineHeight(size) - size;
    }
    this.y -= style.after ?? 0;
  }

  /** A heading is never left alone at the foot of a page: room for `keepWith` more points is asked. */
  heading(raw: string, level: 1 | 2 | 3, keepWith = 3 * this.lineHeight(BODY_SIZE)): void {
    const size = level === 1 ? 15 : level === 2 ? 12 : BODY_SIZE;
    const before = level === 1 ? 16 : level === 2 ? 10 : 6;
    if (this.y < A4[1] - MARGIN.top) this.space(before);
    this.ensure(this.lineHeight(size) + keepWith + (level === 1 ? 6 : 0));
    this.text(raw, { size, bold: true, after: level === 1 ? 2 : 1 });
    if (level === 1) {
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y + 2 },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: this.y + 2 },
        thickness: 0.6,
        color: RULE,
      });
      this.space(6);
    }
  }

  /** A label in bold in a left column and its value wrapped beside it. */
  field(label: string, value: string, labelWidth = 140, indent = 0): void {
    const size = BODY_SIZE;
    const valueWidth = CONTENT_WIDTH - indent - labelWidth;
    const labelLines = wrapText(printable(label, this.fonts), this.fonts.bold, size, labelWidth - 8);
    const valueText = value.trim() === '' ? '—' : value;
    const valueLines = wrapText(printable(valueText, this.fonts), this.fonts.regular, size, valueWidth);
    const rows = Math.max(labelLines.length, valueLines.length);
    for (let row = 0; row < rows; row += 1) {
      this.ensure(this.lineHeight(size));
      this.y -= size;
      const labelLine = labelLines[row];
      const valueLine = valueLines[row];
      if (labelLine) {
        this.page.drawText(labelLine, {
          x: MARGIN.left + indent,
          y: this.y,
          size,
          font: this.fonts.bold,
          color: MUTED,
        });
      }
      if (valueLine) {
        this.page.drawText(valueLine, {
          x: MARGIN.left + indent + labelWidth,
          y: this.y,
          size,
          font: this.fonts.regular,
          color: value.trim() === '' ? MUTED : INK,
        });
      }
      this.y -= this.lineHeight(size) - size;
    }
    this.space(1.5);
  }

  /** Header and "Page n of m" footer on every page, drawn once all pages exist. */
  decorate(header: { left: string; right: string }, footerLeft: string): void {
    const size = 8;
    const { regular } = this.fonts;
    const clip = (raw: string, width: number) => {
      let text = printable(raw, this.fonts).replace(/\n/g, ' ');
      while (text.length > 1 && regular.widthOfTextAtSize(text, size) > width) text = `${text.slice(0, -2)}…`;
      return text;
    };
    const total = this.pages.length;
    this.pages.forEach((page, index) => {
      const top = A4[1] - 40;
      const right = clip(header.right, CONTENT_WIDTH / 2 - 8);
      page.drawText(clip(header.left, CONTENT_WIDTH / 2 - 8), {
        x: MARGIN.left,
        y: top,
        size,
        font: regular,
        color: MUTED,
      });
      page.drawText(right, {
        x: MARGIN.left + CONTENT_WIDTH - regular.widthOfTextAtSize(right, size),
        y: top,
        size,
        font: regular,
        color: MUTED,
      });
      page.drawLine({
        start: { x: MARGIN.left, y: top - 6 },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: top - 6 },
        thickness: 0.5,
        color: RULE,
      });
      const bottom = 36;
      page.drawLine({
        start: { x: MARGIN.left, y: bottom + 12 },
        end: { x: MARGIN.left + CONTENT_WIDTH, y: bottom + 12 },
        thickness: 0.5,
        color: RULE,
      });
      page.drawText(clip(footerLeft, CONTENT_WIDTH - 90), {
        x: MARGIN.left,
        y: bottom,
        size,
        font: regular,
        color: MUTED,
      });
      const pageText = `Page ${index + 1} of ${total}`;
      page.drawText(pageText, {
        x: MARGIN.left + CONTENT_WIDTH - regular.widthOfTextAtSize(pageText, size),
        y: bottom,
        size,
        font: regular,
        color: MUTED,
      });
    });
  }
}
