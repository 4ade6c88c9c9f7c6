import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Two checks every screen must pass (issue 12, accessibility and item 6): no axe
 * violation of any impact, and nothing pushed sideways out of the window.
 */

/** The window widths a therapist uses: a laptop, a small laptop, half a screen beside a video call. */
export const WIDTHS = [1366, 1024, 900] as const;
const HEIGHT = 768;

/** Runs axe over the whole page (every rule axe runs by default, best practices included) and lists what fails. */
export async function expectNoAxeViolations(page: Page, label: string, soft = false): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const readable = violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} (${violation.impact ?? 'no impact'}): ${node.target.join(' ')} — ${violation.help}`,
    ),
  );
  (soft ? expect.soft : expect)(readable, `axe violations on ${label}`).toEqual([]);
}

/**
 * The page does not scroll sideways, and no visible element sticks out past the right edge
 * of the window (an element clipped by an overflow:hidden ancestor would hide without
 * making the page scroll). Elements inside a box that scrolls sideways on purpose (a wide
 * table in its own scroller) are left to that box.
 */
export async function expectNoSideways(page: Page, label: string, soft = false): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const scrollsOnPurpose = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return false; // visually hidden, or empty
        if (box.right <= width + 1) return false;
        const style = getComputedStyle(element);
        return style.visibility !== 'hidden' && !scrollsOnPurpose(element);
      })
      .map((element) => {
        const name = element.tagName.toLowerCase();
        const classes =
          typeof element.className === 'string' && element.className
            ? `.${element.className.split(/\s+/).join('.')}`
            : '';
        const text = (element.textContent ?? '').trim().slice(0, 30);
        return `${name}${classes} right=${Math.round(element.getBoundingClientRect().right)} “${text}”`;
      });
    return { scrollWidth: root.scrollWidth, width, sticking: sticking.slice(0, 8) };
  });
  const check = soft ? expect.soft : expect;
  check(found.scrollWidth, `${label}: the page scrolls sideways (${found.sticking.join('; ')})`).toBeLessThanOrEqual(
    found.width,
  );
  check(found.sticking, `${label}: elements past the right edge of a ${found.width} px window`).toEqual([]);
}

/**
 * Looks at the screen at each width: no sideways scrolling, no axe violation, and a
 * full-page picture kept with the test results (to look at). Leaves the window at the
 * widest width.
 */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    // One frame for the layout to settle at the new width (an event, not a sleep).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const label = `${name} at ${width} px`;
    const scrolled = await page.evaluate(() => window.scrollY);
    // From the top, so the sticky bar sits where it belongs in the picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = testInfo.outputPath(`${name}-${width}.png`);
    // A dialog's backdrop covers the window only: picture the window, not the whole page.
    const dialogOpen = await page.locator('[role="dialog"], [role="alertdialog"], dialog[open]').count();
    await page.screenshot({ path, fullPage: dialogOpen === 0 });
    await testInfo.attach(label, { path, contentType: 'image/png' });
    await page.evaluate((y) => window.scrollTo(0, y), scrolled);
    // Soft: one run lists every screen that fails, and the test still fails.
    await expectNoSideways(page, label, true);
    await expectNoAxeViolations(page, label, true);
  }
  await page.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
}
