import { expect, type Locator, type Page, test } from '@playwright/test';
import type { SessionkeepApi } from '../../shared/ipc/contract';
import { checkScreen } from './a11y';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, setSignerName, startCbtNote, unnamedControls } from './pages';

/**
 * PHQ-9 item 9 above 0 with the Risk section empty (issue 12 item 4): signing stops
 * softly (go to Risk, or sign anyway with a reason), the core refuses a signing without
 * the reason, the reason is kept with the note and its giving is in the activity log,
 * and the client page shows a risk flag above the cautions.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const CLIENT = 'Dana Reyes';
const REASON = 'Assessed by phone with the crisis team at 16:40; their record holds it.';
const AUDIT_WORDS = 'signed with Risk empty; reason kept with the note';

function measuresSlot(page: Page): Locator {
  return page.getByRole('group', { name: 'Measures', exact: true });
}

/** A PHQ-9 from the note's mood check, nine number keys (as measures.spec.ts gives them). */
async function givePhq9(page: Page, answers: number[]) {
  await measuresSlot(page).getByRole('button', { name: '+ Give a measure' }).click();
  const form = page.getByRole('form', { name: 'Give a measure in this session' });
  await expect(form.getByRole('radio', { name: 'PHQ-9', exact: true })).toBeChecked();
  await form
    .getByRole('radiogroup', { name: /^Item 1\./ })
    .getByRole('radio')
    .first()
    .focus();
  for (const answer of answers) await page.keyboard.press(String(answer));
  await expect(form.getByRole('button', { name: 'Record PHQ-9' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
}

test('item 9 above 0 with Risk empty: a soft stop, a reason kept and logged, the risk flag above the cautions', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await setSignerName(page);
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: CLIENT });
  // A new client with nothing on record: no flag.
  await expect(page.getByRole('region', { name: 'Risk', exact: true })).toHaveCount(0);

  // Serious cautions on record, through the core's front door (intake.spec.ts drives the form).
  const clientId = await page.evaluate(async () => {
    const sessionkeep = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
    const clients = await sessionkeep['clients:list']({ includeArchived: false });
    if (!clients.ok || !clients.value[0]) throw new Error('no client');
    const id = clients.value[0].id;
    const common = { startedOn: '', stoppedOn: '' };
    for (const fields of [
      {
        kind: 'substance' as const,
        name: 'kratom',
        product: '',
        amount: '3',
        unit: 'g',
        route: 'oral',
        frequency: 'daily',
        lastUseOn: '',
        obtainedFrom: 'online',
        clientSaysFor: 'mood',
        prescriberKnows: 'no',
        ...common,
      },
      { kind: 'medication' as const, name: 'alprazolam', dose: '0.5 mg', prescriber: '', ...common },
    ]) {
      const added = await sessionkeep['intake:add']({ clientId: id, noteId: null, fields } as never);
      if (!added.ok) throw new Error(added.message);
    }
    return id;
  });

  // A CBT note: PHQ-9 with item 9 answered "Several days" (1), Risk left empty.
  await startCbtNote(page);
  await givePhq9(page, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
  const stop = dialog.getByRole('alert');
  await expect(stop).toContainText('Item 9 was answered above 0 and Risk is empty');
  await expect(stop).toContainText('answered “Several days” (1)');
  await expect(stop).toContainText('The Risk section of this note records nothing yet.');
  // No plain "Sign note" here: only Go to Risk, or Sign anyway with a reason.
  await expect(dialog.getByRole('button', { name: 'Sign note', exact: true })).toHaveCount(0);
  const signAnyway = dialog.getByRole('button', { name: 'Sign anyway' });
  const reason = dialog.getByLabel('Reason for signing with Risk empty');
  await expect(signAnyway).toBeDisabled();
  await reason.fill('   \n  ');
  await expect(signAnyway).toBeDisabled();
  expect(await unnamedControls(page)).toEqual([]);
  // At 1366, 1024 and 900 px: pictures, no sideways scrolling, no axe violation.
  await checkScreen(page, testInfo, 'sign-soft-stop');

  // The core refuses too, whatever the screen does.
  const noteId = await page.evaluate(async (id) => {
    const sessionkeep = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
    const notes = await sessionkeep['notes:listForClient']({ clientId: id });
    return notes.ok && notes.value[0] ? notes.value[0].id : '';
  }, clientId);
  const refused = await page.evaluate(async (id) => {
    const sessionkeep = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
    return sessionkeep['notes:sign']({ id });
  }, noteId);
  expect(refused).toMatchObject({
    ok: false,
    code: 'INVALID_REQUEST',
    message:
      'PHQ-9 item 9 was answered above 0 in this note and the Risk section is empty. Fill it in, or give a reason for signing without it.',
  });

  // Go to Risk: the dialog closes and the Risk section's first field has the focus.
  await dialog.getByRole('button', { name: 'Go to Risk' }).click();
  await expect(dialog).toBeHidden();
  const risk = page.getByRole('region', { name: 'Risk', exact: true });
  await expect(risk.getByRole('radio').first()).toBeFocused();
  await expect(risk.getByRole('heading', { name: 'Risk' })).toBeInViewport();

  // Signed anyway, with the reason.
  await page.getByRole('button', { name: 'Sign note…' }).first().click();
  await expect(stop).toBeVisible();
  await reason.fill(REASON);
  await expect(signAnyway).toBeEnabled();
  await signAnyway.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Signed by').first()).toBeVisible();
  const block = page.getByRole('region', { name: 'Signature and addenda' });
  await expect(block).toContainText('Signed with the Risk section empty.');
  await expect(block).toContainText(`Reason given at signing: ${REASON}`);

  // The activity log: that a reason was given, never its words.
  await page.getByRole('button', { name: 'Settings' }).click();
  const log = page.getByRole('region', { name: 'Activity log' });
  const signedRow = log.getByRole('row').filter({ hasText: 'Note signed' });
  await expect(signedRow).toContainText(AUDIT_WORDS);
  await expect(log).not.toContainText('crisis team');

  // The client page: the risk flag, above the cautions.
  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByRole('button', { name: CLIENT }).click();
  const flag = page.getByRole('region', { name: 'Risk', exact: true });
  const cautions = page.getByRole('status').filter({ hasText: 'not yet addressed' });
  await expect(flag).toContainText('PHQ-9 item 9');
  await expect(flag).toContainText('“Several days” (1), total 9.');
  await expect(flag).toContainText('No Risk section filled in any note.');
  await expect(flag).toContainText('No safety plan on record.');
  await expect(cautions).toBeVisible();
  const flagFirst = await flag.evaluate(
    (element, other) => !!other && (element.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    await cautions.elementHandle(),
  );
  expect(flagFirst).toBe(true);
  const [flagBox, cautionsBox] = [await flag.boundingBox(), await cautions.boundingBox()];
  expect(flagBox && cautionsBox && flagBox.y + flagBox.height <= cautionsBox.y).toBe(true);
  expect(await unnamedControls(page)).toEqual([]);
  await checkScreen(page, testInfo, 'client-risk-flag');
  // The flag's safety plan line shows the Safety plan tab, the focus on it.
  await flag.getByRole('button', { name: 'Go to the safety plan' }).click();
  const planTab = page.getByRole('tab', { name: 'Safety plan', exact: true });
  await expect(planTab).toHaveAttribute('aria-selected', 'true');
  await expect(planTab).toBeFocused();
  await expect(page.getByRole('region', { name: 'Safety plan', exact: true })).toContainText(
    'No safety plan on record.',
  );

  // The flag's "Open the note" opens the note the answer was given in.
  await flag.getByRole('button', { name: 'Open the note' }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();

  expect(problems).toEqual([]);
});
