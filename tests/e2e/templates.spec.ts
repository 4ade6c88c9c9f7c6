import { expect, type Page, test } from '@playwright/test';
import type { SessionkeepApi } from '../../shared/ipc/contract';
import type { TemplateDef } from '../../shared/templates/types';
import { freshVaultFolder, guardPage, type Harness, startHarness } from './harness';
import { addClient, confirmRecoveryKey, createVault, unnamedControls } from './pages';

/**
 * A therapist makes a template of their own from the SOAP note, adds a distortion,
 * uses the template as a client's default, then deletes it: the note written with it
 * keeps its own copy of the structure.
 */

let harness: Harness | null = null;
test.afterEach(async () => {
  await harness?.stop();
  harness = null;
});

const section = (page: Page, number: number) => page.getByRole('listitem', { name: new RegExp(`^Section ${number}:`) });

async function outline(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Note sections' }).locator('.outline-item span').allTextContents();
}

test('a custom template: duplicate, edit, use as a default, delete; notes keep their copy', async ({ page }) => {
  test.setTimeout(120_000);
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));

  // Settings: built-ins are read-only, so the SOAP note is duplicated into an editable copy.
  await page.getByRole('button', { name: 'Settings' }).click();
  const builtIns = page.getByRole('list', { name: 'Built-in' });
  await expect(builtIns.getByRole('listitem', { name: 'SOAP note' })).toContainText('Built-in');
  await expect(builtIns.getByRole('button', { name: 'Edit SOAP note' })).toHaveCount(0);
  expect(await unnamedControls(page)).toEqual([]);
  await page.getByRole('button', { name: 'Duplicate SOAP note' }).click();
  await expect(page.getByRole('heading', { name: 'New template' })).toBeVisible();
  const name = page.getByLabel('Template name');
  await expect(name).toHaveValue('Copy of SOAP note');
  await expect(name).toBeFocused();
  expect(await unnamedControls(page)).toEqual([]);

  // An empty name is refused at the name box, before anything is sent.
  await name.fill('');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Give the template a name.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await name.fill('Brief SOAP');
  await expect(page.getByText('Give the template a name.')).toHaveCount(0);

  // Add a section with a short-text field.
  await page.getByRole('button', { name: 'Add section' }).click();
  const added = section(page, 6);
  await expect(added.getByLabel('Section title')).toBeFocused();
  await added.getByLabel('Section title').fill('Homework set');
  await added.getByLabel('Add a field', { exact: true }).selectOption({ label: 'Short text (one line)' });
  await added.getByRole('button', { name: 'Add field to “Homework set”' }).click();
  const newLabel = added.getByRole('listitem', { name: /^Short text:/ }).getByLabel('Label', { exact: true });
  await expect(newLabel).toBeFocused();
  await newLabel.fill('Task agreed');

  // Remove one field (Objective's measures) and move Assessment above Objective.
  await page.getByRole('button', { name: 'Remove field “Measures”' }).click();
  await expect(section(page, 3).getByRole('listitem')).toHaveCount(1);
  const up = page.getByRole('button', { name: 'Move section “Assessment” up' });
  await up.click();
  await expect(section(page, 3).getByLabel('Section title')).toHaveValue('Assessment');
  await expect(section(page, 4).getByLabel('Section title')).toHaveValue('Objective');
  await expect(up).toBeFocused(); // the focus travels with the moved section

  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Saved “Brief SOAP”.')).toBeVisible();
  const own = page.getByRole('list', { name: 'Your templates' });
  await expect(own.getByRole('listitem', { name: 'Brief SOAP' })).toContainText('based on SOAP note');

  // Ids come from the labels at the first save and never change after it (notes are keyed by them).
  const ids = async () => {
    const saved = (await page.evaluate(async () => {
      const api = (window as unknown as { sessionkeep: SessionkeepApi }).sessionkeep;
      const list = await api['templates:list']({});
      return list.ok ? list.value.find((each) => each.name.startsWith('Brief SOAP')) : undefined;
    })) as TemplateDef | undefined;
    return (
      saved && {
        id: saved.id,
        version: saved.version,
        basedOn: saved.basedOn,
        sections: saved.sections.map((each) => `${each.id}: ${each.fields.map((field) => field.id).join(' ')}`),
      }
    );
  };
  expect(await ids()).toEqual({
    id: 'my-soap-note',
    version: 1,
    basedOn: 'soap',
    sections: [
      'header: sessionAt duration sessionNumber modality',
      'subjective: subjective',
      'assessment: assessment',
      'objective: objective',
      'plan: plan newHomework nextSessionAt',
      'homeworkSet: taskAgreed',
    ],
  });
  await own.getByRole('button', { name: 'Edit Brief SOAP' }).click();
  await expect(page.getByRole('heading', { name: 'Edit template' })).toBeVisible();
  await section(page, 6).getByLabel('Section title').fill('Homework agreed');
  await section(page, 6).getByLabel('Label', { exact: true }).fill('Task');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Saved “Brief SOAP”.')).toBeVisible();
  expect((await ids())?.version).toBe(2);
  expect((await ids())?.sections[5]).toBe('homeworkSet: taskAgreed');
  await own.getByRole('button', { name: 'Edit Brief SOAP' }).click();
  await section(page, 6).getByLabel('Section title').fill('Homework set');
  await section(page, 6).getByLabel('Label', { exact: true }).fill('Task agreed');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Saved “Brief SOAP”.')).toBeVisible();

  // A distortion of the therapist's own; a duplicate name is refused at the input.
  const distortion = page.getByLabel('Add a distortion');
  await distortion.fill('Comparing with others');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Your own' })).toContainText('Comparing with others');
  await distortion.fill('Mental filter');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('That distortion is already in the list.')).toBeVisible();
  await expect(distortion).toHaveAttribute('aria-invalid', 'true');

  // A client whose notes start with the new template from now on.
  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'Zoë Ångström', preferred: 'Zoë' });
  await page.getByRole('button', { name: 'New note' }).click();
  const template = page.getByLabel('Template', { exact: true });
  await expect(template).toHaveValue('cbt-session');
  const byDefault = page.getByLabel('Use this template by default for Zoë');
  await template.selectOption({ label: 'Brief SOAP' });
  await expect(byDefault).not.toBeChecked();
  await byDefault.check();
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /Brief SOAP/ })).toBeVisible();
  expect(await outline(page)).toEqual(['Session', 'Subjective', 'Assessment', 'Objective', 'Plan', 'Homework set']);
  await page.getByLabel('Task agreed').fill('Walk twice before Friday');
  await expect(page.getByRole('region', { name: 'Objective' }).getByText('Measures')).toHaveCount(0);
  await expect(page.locator('.save-state')).toContainText('Saved');

  // Back on the client: New note starts with the custom template; a CBT note offers the new chip.
  await page.getByRole('button', { name: '← Zoë Ångström (Zoë)' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(template).toHaveValue(/^my-soap-note/);
  await expect(byDefault).toBeChecked();
  await template.selectOption({ label: 'CBT session' });
  await expect(byDefault).not.toBeChecked();
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /CBT session/ })).toBeVisible();
  const chips = page.getByRole('group', { name: 'Cognitive distortions' });
  await expect(chips.getByRole('button', { name: 'Mental filter' })).toBeVisible();
  const ownChip = chips.getByRole('button', { name: 'Comparing with others' });
  await ownChip.click();
  await expect(ownChip).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '← Zoë Ångström (Zoë)' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(template).toHaveValue(/^my-soap-note/); // the CBT note did not change the default
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Delete the template: it is no longer offered, and the note written with it keeps its copy.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Delete Brief SOAP…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this template?' });
  await expect(dialog).toContainText('keep their copy');
  await dialog.getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByText('Deleted “Brief SOAP”.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your templates' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Clients' }).click();
  await page.getByRole('list', { name: 'Client list' }).getByRole('button', { name: 'Zoë Ångström (Zoë)' }).click();
  await page.getByRole('button', { name: 'New note' }).click();
  await expect(template).toHaveValue('cbt-session'); // the default fell back
  await expect(template.locator('option', { hasText: 'Brief SOAP' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.locator('.note-row', { hasText: 'Brief SOAP' }).click();
  await expect(page.getByRole('heading', { name: /Brief SOAP/ })).toBeVisible();
  expect(await outline(page)).toEqual(['Session', 'Subjective', 'Assessment', 'Objective', 'Plan', 'Homework set']);
  await expect(page.getByLabel('Task agreed')).toHaveValue('Walk twice before Friday');

  expect(problems).toEqual([]);
});

test('every kind of field can be added, has named controls, saves and is written in a note', async ({ page }) => {
  const { problems } = await guardPage(page);
  harness = await startHarness(freshVaultFolder());
  await page.goto(harness.url);
  await confirmRecoveryKey(page, await createVault(page));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Duplicate Psychotherapy note' }).click();
  await page.getByLabel('Template name').fill('Every kind');
  await page.getByLabel('Kind of note').selectOption({ label: 'Progress note (part of the record)' });

  const only = section(page, 1);
  const kinds = await only.getByLabel('Add a field', { exact: true }).locator('option').allTextContents();
  expect(kinds).toHaveLength(11);
  for (const kind of kinds) {
    await only.getByLabel('Add a field', { exact: true }).selectOption({ label: kind });
    await only.getByRole('button', { name: /^Add field to “/ }).click();
    // The new field's label is focused and selected: typing replaces it.
    await page.keyboard.type(`My ${kind.replace(/ \(.*/, '').toLowerCase()}`);
  }
  // A choice field's options and a row's fields are edited in place.
  const choice = only.getByRole('listitem', { name: 'Single choice: My single choice' });
  await choice.getByLabel('Option 1 of “My single choice”').fill('Yes');
  await choice.getByRole('button', { name: 'Add option' }).click();
  await page.keyboard.type('Unsure');
  await choice.getByRole('button', { name: 'Remove option “Option 2”' }).click();
  const rows = only.getByRole('listitem', { name: 'Repeating rows: My repeating rows' });
  await rows.getByLabel('What one row is called').fill('Goal');
  await rows.getByLabel('Add a field to each row').selectOption({ label: 'Rating scale (0–10 or 0–100)' });
  await rows.getByRole('button', { name: 'Add field to each “Goal”' }).click();
  await page.keyboard.type('Progress');
  await expect(rows.getByLabel('Add a field to each row').locator('option')).toHaveCount(9); // scalar kinds only
  expect(await unnamedControls(page)).toEqual([]);

  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Saved “Every kind”.')).toBeVisible();

  await page.getByRole('button', { name: 'Clients' }).click();
  await addClient(page, { name: 'José García' });
  await page.getByRole('button', { name: 'New note' }).click();
  await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Every kind' });
  await page.getByRole('button', { name: 'Start note' }).click();
  await expect(page.getByRole('heading', { name: /Every kind/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Unsure' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'My cognitive distortions' }).getByRole('button')).toHaveCount(10);
  for (const label of ['My short text', 'My number', 'Progress'])
    await expect(page.getByText(label).first()).toBeVisible();
  expect(problems).toEqual([]);
});
