/**
 * Reading and picturing the PDFs the tests make, with nothing outside npm: text and page
 * sizes through pdfjs-dist in Node, page pictures drawn by the same pdfjs-dist in the
 * Chromium the end-to-end tests already run. A fresh machine that follows the README
 * needs no PDF tools of its own (issue 13).
 *
 * Text comes in the order it was drawn, which for Chromium's printouts is the order of
 * the page, lines ending in "\n" and pages ending in "\f", as pdftotext gives them; tests
 * that compare phrases squeeze any run of white space to one space.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text drawn in one font. */
type TextRun = { text: string; endsLine: boolean; fontName: string };

/** Loaded on first use: pdfjs-dist is an ES module, the e2e specs are compiled to CommonJS. */
async function openPdf(path: string): Promise<PDFDocumentProxy> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({ data: new Uint8Array(readFileSync(path)), isEvalSupported: false, verbosity: 0 }).promise;
}

async function withPdf<T>(path: string, read: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const doc = await openPdf(path);
  try {
    return await read(doc);
  } finally {
    await doc.destroy();
  }
}

/**
 * A page's runs of text. Text drawn twice in the same place (a chart label's white halo,
 * then the label) is read once, as pdftotext and a reader's eye take it.
 */
async function runsOf(page: PDFPageProxy): Promise<TextRun[]> {
  const { items } = await page.getTextContent();
  const drawn = new Set<string>();
  return items.flatMap((item) => {
    if (!('str' in item)) return [];
    const at = `${item.str}@${item.transform.map((value: number) => value.toFixed(1)).join(',')}`;
    const twice = item.str.trim() !== '' && drawn.has(at);
    drawn.add(at);
    return [{ text: twice ? '' : item.str, endsLine: item.hasEOL, fontName: item.fontName }];
  });
}

function joinRuns(runs: TextRun[]): string {
  return runs.map((run) => (run.endsLine ? `${run.text}\n` : run.text)).join('');
}

/** Each page's text, in page order. */
export function pdfPageTexts(path: string): Promise<string[]> {
  return withPdf(path, async (doc) => {
    const pages: string[] = [];
    for (let number = 1; number <= doc.numPages; number++)
      pages.push(joinRuns(await runsOf(await doc.getPage(number))));
    return pages;
  });
}

/** The whole document's text, each page followed by a form feed, as pdftotext prints it. */
export async function pdfText(path: string): Promise<string> {
  return (await pdfPageTexts(path)).map((page) => `${page}\f`).join('');
}

export function pdfPageCount(path: string): Promise<number> {
  return withPdf(path, async (doc) => doc.numPages);
}

/** Each page's size in PDF points (1/72 inch), as pdfinfo reports it. */
export function pdfPageSizes(path: string): Promise<{ width: number; height: number }[]> {
  return withPdf(path, async (doc) => {
    const sizes: { width: number; height: number }[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const { width, height } = (await doc.getPage(number)).getViewport({ scale: 1 });
      sizes.push({ width, height });
    }
    return sizes;
  });
}

/**
 * The runs of text set in a bold face, in page order, neighbouring bold runs on a line
 * joined: what pdftohtml marks <b>…</b>. The face is known by its embedded font's name
 * (Chromium and pdf-lib keep it, e.g. "BAAAAA+DejaVuSans-Bold").
 */
export function pdfBoldTexts(path: string): Promise<string[]> {
  return withPdf(path, async (doc) => {
    const bold: string[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const runs = await runsOf(page);
      await page.getOperatorList(); // loads the fonts, so their names can be read
      const isBold = (fontName: string) => /Bold|Black|Heavy/i.test(String(page.commonObjs.get(fontName)?.name));
      let current: string | null = null;
      for (const run of runs) {
        const blank = run.text.trim() === '';
        if (!blank && isBold(run.fontName)) current = (current ?? '') + run.text;
        else if (current !== null && blank && !run.endsLine) current += run.text;
        else if (current !== null) {
          bold.push(current.trim());
          current = null;
        }
        if (current !== null && run.endsLine) {
          bold.push(current.trim());
          current = null;
        }
      }
      if (current !== null) bold.push(current.trim());
    }
    return bold.filter((text) => text !== '');
  });
}

const pdfjsBuild = join(dirname(createRequire(__filename).resolve('pdfjs-dist/package.json')), 'build');
/** An address that exists only inside the rendering page's routes: nothing goes to the network. */
const ORIGIN = 'http://pdf-pictures.invalid';
const RENDER_PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
  import * as pdfjs from '/pdf.mjs';
  pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
  window.renderPdf = async (scale) => {
    const doc = await pdfjs.getDocument({ url: '/document.pdf', isEvalSupported: false }).promise;
    const pictures = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas, canvasContext: context, viewport }).promise;
      pictures.push(canvas.toDataURL('image/png'));
    }
    return pictures;
  };
  document.title = 'ready';
</script>`;

/**
 * Draws every page of a PDF to `${prefix}-${n}.png` at `dpi` (60 by default, as the
 * pictures kept for a person to look at), in a fresh browser context of the test's own
 * Chromium: about:blank-like, none of the app's pages, routes or policies involved.
 * Returns the files written.
 */
export async function renderPdfPages(page: Page, path: string, prefix: string, dpi = 60): Promise<string[]> {
  const browser = page.context().browser();
  if (!browser) throw new Error('renderPdfPages needs a page from a launched browser');
  const context = await browser.newContext();
  try {
    const files: Record<string, { body: Buffer; contentType: string }> = {
      '/': { body: Buffer.from(RENDER_PAGE), contentType: 'text/html' },
      '/pdf.mjs': { body: readFileSync(join(pdfjsBuild, 'pdf.mjs')), contentType: 'text/javascript' },
      '/pdf.worker.mjs': { body: readFileSync(join(pdfjsBuild, 'pdf.worker.mjs')), contentType: 'text/javascript' },
      '/document.pdf': { body: readFileSync(path), contentType: 'application/pdf' },
    };
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const file = url.origin === ORIGIN ? files[url.pathname] : undefined;
      return file ? route.fulfill({ status: 200, ...file }) : route.abort('blockedbyclient');
    });
    const renderer = await context.newPage();
    await renderer.goto(`${ORIGIN}/`);
    await renderer.waitForFunction(() => document.title === 'ready');
    const pictures = await renderer.evaluate(
      (scale) => (window as unknown as { renderPdf: (scale: number) => Promise<string[]> }).renderPdf(scale),
      dpi / 72,
    );
    return pictures.map((picture, index) => {
      const file = `${prefix}-${index + 1}.png`;
      writeFileSync(file, Buffer.from(picture.slice(picture.indexOf(',') + 1), 'base64'));
      return file;
    });
  } finally {
    await context.close();
  }
}
