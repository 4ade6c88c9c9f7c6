import { expect, type Page } from '@playwright/test';

/** Page helpers that drive the app the way a therapist would: by labels and roles. */

export const PASSPHRASE = 'quiet harbour lantern 1987 notebook';

export async function createVault(page: Page, passphrase = PASSPHRASE): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Welcome to Sessionkeep' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat the passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const groups = await page.getByTestId('recovery-group').allTextContents();
  expect(groups).toHaveLength(14);
  return groups.join('-');
}

/** Types back the two groups the app asks for, from the key we "wrote down". */
export async function confirmRecoveryKey(page: Page, recoveryKey: string): Promise<void> {
  const groups = recoveryKey.split('-');
  await page.getByRole('button', { name: 'I have written it down' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const labels = await page.locator('.confirm-form label').allTextContents();
  expect(labels).toHaveLength(2);
  for (const label of labels) {
    const number = Number(label.replace('Group ', ''));
    await page.getByLabel(label, { exact: true }).fill(groups[number - 1] ?? '');
  }
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
}

export type NewClient = { name: string; preferred?: string; email?: string; concerns?: string };

export async function addClient(page: Page, client: NewClient): Promise<void> {
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByLabel('Name (required)').fill(client.name);
  if (client.preferred) await page.getByLabel('Preferred name').fill(client.preferred);
  if (client.email) await page.getByLabel('Email').fill(client.email);
  if (client.concerns) await page.getByLabel('Presenting concerns').fill(client.concerns);
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was added' })).toBeVisible();
}

export function clientList(page: Page) {
  return page.getByRole('list', { name: 'Client list' });
}

export async function clientNames(page: Page): Promise<string[]> {
  return clientList(page).locator('.client-name').allTextContents();
}

/**
 * Every visible control on the screen has an accessible name (label, aria-label,
 * aria-labelledby, or its text for buttons). Returns the ones that do not.
 */
export async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const textOf = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const controls = [...document.querySelectorAll<HTMLElement>('button, input, textarea, select, [role="button"]')];
    return controls
      .filter((control) => control.offsetParent !== null || control.getClientRects().length > 0)
      .filter((control) => {
        const labels = 'labels' in control ? [...((control as HTMLInputElement).labels ?? [])] : [];
        const name = [
          control.getAttribute('aria-label'),
          textOf(control.getAttribute('aria-labelledby') ?? ''),
          ...labels.map((label) => label.textContent),
          control.tagName === 'BUTTON' ? control.textContent : '',
        ]
          .join('')
          .trim();
        return name === '';
      })
      .map((control) => control.outerHTML.slice(0, 120));
  });
}

/** A calendar date `days` from today where the browser is (the app's "today"). */
export function isoDate(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Starts a note on the open client with the default template (CBT session). */
export async function startCbtNote(page: Page): Promise<void> {
  await openClientTab(page, 'Notes');
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
}

/** Settings → "Your name, as you sign notes", saved (signing needs it). */
export async function setSignerName(page: Page, name = 'Dr Ana Ruiz'): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Your name, as you sign notes').fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  await expect(page.getByText('Saved.')).toBeVisible();
}

export type ClientTabName =
  | 'Notes'
  | 'Homework'
  | 'Measures'
  | 'Substances and medications'
  | 'Safety plan'
  | 'Details';

/** Shows one tab of the open client's page (Notes is on show when a client opens). */
export async function openClientTab(page: Page, name: ClientTabName): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}
