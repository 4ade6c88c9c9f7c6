import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, clientNames, confirmRecoveryKey, createVault, PASSPHRASE } from './pages';

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

test('the recovery key opens the vault when the key file is lost, and sets a new passphrase', async ({ page }) => {
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  harness = await startHarness(vault);
  await page.goto(harness.url);
  const recoveryKey = await createVault(page);
  await confirmRecoveryKey(page, recoveryKey);
  await addClient(page, { name: 'Ruth Adebayo' });
  await page.getByRole('button', { name: /Lock/ }).click();
  await page.goto('about:blank');
  await harness.stop();

  rmSync(join(vault, 'vault.key'));
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Unlock with the recovery key' })).toBeVisible();
  await expect(page.getByRole('alert').first()).toHaveText(/key file \(vault\.key\) is missing/);

  // A typo is caught by the check group before anything is tried.
  const typo = `${recoveryKey.slice(0, 5)}${recoveryKey[5] === 'A' ? 'B' : 'A'}${recoveryKey.slice(6)}`;
  const newPassphrase = 'lantern meadow copper 42 finch';
  await page.getByLabel('Recovery key', { exact: true }).fill(typo);
  await page.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await page.getByLabel('Repeat the new passphrase', { exact: true }).fill(newPassphrase);
  await page.getByRole('button', { name: 'Unlock and set passphrase' }).click();
  await expect(page.getByText(/typing mistake/)).toBeVisible();

  // Lower case and spaces instead of dashes are forgiven.
  await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Unlock and set passphrase' }).click();
  // Confirmed before the workspace opens (issue 12).
  await expect(page.getByText('Your passphrase was changed.')).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
  expect(await clientNames(page)).toEqual(['Ruth Adebayo']);

  // The new passphrase now unlocks.
  await page.getByRole('button', { name: /Lock/ }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(newPassphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
  expect(problems).toEqual([]);
});

test('Settings → Security makes a new recovery key: shown once and checked; the old key stops working', async ({
  page,
}) => {
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  const oldKey = await createVault(page);
  await confirmRecoveryKey(page, oldKey);
  await addClient(page, { name: 'Ruth Adebayo' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const security = page.getByRole('region', { name: 'Security' });
  await expect(security.getByText(/old one stops working/)).toBeVisible();
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await security.scrollIntoViewIfNeeded();
    await security.screenshot({ path: test.info().outputPath(`security-card-${width}.png`) });
  }

  const renew = page.getByRole('form', { name: 'Make a new recovery key' });
  await renew.getByLabel('Current passphrase', { exact: true }).fill('not my passphrase at all');
  await renew.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(renew.getByText('The current passphrase is not correct.')).toBeVisible();
  await renew.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
  await renew.getByRole('button', { name: 'Make a new recovery key' }).click();

  const sheet = page.getByRole('dialog', { name: 'Your new recovery key' });
  await expect(sheet.getByText(/old recovery key no longer opens this vault/)).toBeVisible();
  const groups = await sheet.getByTestId('recovery-group').allTextContents();
  expect(groups).toHaveLength(14);
  const newKey = groups.join('-');
  expect(newKey).not.toBe(oldKey);
  for (const width of [1366, 1024, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`new-recovery-key-${width}.png`) });
  }
  await sheet.getByRole('button', { name: 'I have written it down' }).click();
  for (const label of await sheet.locator('.confirm-form label').allTextContents()) {
    await sheet.getByLabel(label, { exact: true }).fill(groups[Number(label.replace('Group ', '')) - 1] ?? '');
  }
  await sheet.getByRole('button', { name: 'Confirm' }).click();
  await expect(sheet).toBeHidden();

  // Locked: the old key is refused, the new one opens the vault.
  await page.getByRole('button', { name: /Lock/ }).click();
  await page.getByRole('button', { name: 'Forgot the passphrase? Use the recovery key' }).click();
  const newPassphrase = 'lantern meadow copper 42 finch';
  await page.getByLabel('Recovery key', { exact: true }).fill(oldKey);
  await page.getByLabel('New passphrase', { exact: true }).fill(newPassphrase);
  await page.getByLabel('Repeat the new passphrase', { exact: true }).fill(newPassphrase);
  await page.getByRole('button', { name: 'Unlock and set passphrase' }).click();
  await expect(page.getByText('That recovery key does not open this vault.')).toBeVisible();
  await page.getByLabel('Recovery key', { exact: true }).fill(newKey);
  await page.getByRole('button', { name: 'Unlock and set passphrase' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect(page.locator('.client-name')).toHaveText(['Ruth Adebayo']);
  expect(problems).toEqual([]);
});

test('Settings → Security re-encrypts the vault: records kept, the passphrase still opens it, a new recovery key', async ({
  page,
}) => {
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  const oldKey = await createVault(page);
  await confirmRecoveryKey(page, oldKey);
  await addClient(page, { name: 'Ruth Adebayo' });
  await page.getByRole('button', { name: 'Settings' }).click();

  const reencrypt = page.getByRole('form', { name: 'Re-encrypt the vault' });
  await reencrypt.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
  await reencrypt.getByRole('button', { name: 'Re-encrypt the vault' }).click();
  const sheet = page.getByRole('dialog', { name: 'Your new recovery key' });
  await expect(sheet.getByText(/key files from older backups or copies, and the old recovery key/)).toBeVisible();
  const groups = await sheet.getByTestId('recovery-group').allTextContents();
  expect(groups.join('-')).not.toBe(oldKey);
  await sheet.getByRole('button', { name: 'I have written it down' }).click();
  for (const label of await sheet.locator('.confirm-form label').allTextContents()) {
    await sheet.getByLabel(label, { exact: true }).fill(groups[Number(label.replace('Group ', '')) - 1] ?? '');
  }
  await sheet.getByRole('button', { name: 'Confirm' }).click();
  await expect(sheet).toBeHidden();

  await page.getByRole('button', { name: /Lock/ }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Clients' }).click();
  await expect(page.locator('.client-name')).toHaveText(['Ruth Adebayo']);
  expect(problems).toEqual([]);
});

test('wrong passphrases still make the unlock screen wait after a restart', async ({ page }) => {
  const { problems } = await guardPage(page);
  const vault = freshVaultFolder();
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: /Lock/ }).click();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel('Passphrase', { exact: true }).fill(`not my passphrase, try ${attempt}`);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByText('That passphrase is not correct.')).toBeVisible();
  }
  await expect(page.getByText(/You can try again in \d+ seconds?\./)).toBeVisible();

  // Quit and start again: the count was kept beside the key file, so one more wrong
  // passphrase waits at once (a fresh count would give three free attempts).
  await page.goto('about:blank');
  await harness.stop();
  harness = await startHarness(vault);
  await page.goto(harness.url);
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeEnabled();
  await page.getByLabel('Passphrase', { exact: true }).fill('still not my passphrase');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByText(/You can try again in \d+ seconds?\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeDisabled();
  expect(problems).toEqual([]);
});

test('the whole client flow works from the keyboard, with clear validation messages', async ({ page }) => {
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));

  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'New client' })).toBeVisible();
  await expect(page.getByLabel('Name (required)')).toBeFocused();
  await page.keyboard.type('Amara Okafor');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Amy'); // preferred name
  await page.getByLabel('Email').focus();
  await page.keyboard.type('amara.example.org');
  await page.getByLabel('Date of birth').focus();
  await page.keyboard.type('01012999');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('An email address needs an @')).toBeVisible();
  await expect(page.getByText('The date of birth cannot be in the future.')).toBeVisible();
  await expect(page.getByText('Nothing has been saved yet.')).toBeVisible();

  await page.getByLabel('Email').fill('amara@example.org');
  await page.getByLabel('Date of birth').fill('1990-07-15');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: 'Amara Okafor (Amy)' })).toBeVisible();

  await page.keyboard.press('Control+f');
  await expect(page.getByLabel('Search clients')).toBeFocused();
  await page.keyboard.type('amy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Amara Okafor (Amy)' })).toBeVisible();

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Sessionkeep is locked' })).toBeVisible();
  await expect(page.getByLabel('Passphrase', { exact: true })).toBeFocused();
  expect(problems).toEqual([]);
});
