/**
 * The safety plan's contacts (issue 12 item 2): each contact the therapist keeps in
 * Settings prints under its own label, every crisis line prints, "My therapist" carries
 * the signer's name, and an empty contact is a blank line to write on. Plus the settings
 * boundary for these fields (typed, over IPC, and from an archive) and the crisis lines
 * a vault kept as text before, which must never be lost.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core/core';
import { planSettings, takeSettings } from '../../electron/core/export/importSettings';
import { readSettingsChecked } from '../../electron/core/settings/settingsRepository';
import { CRISIS_LINES_MAX, crisisLinesOf, defaultSettings, type Settings, settingsSchema } from '../../shared/settings';
import { contactHint, printedFields, type SafetyPlanContacts } from '../../shared/worksheets/contacts';
import { findBuiltInWorksheet } from '../../shared/worksheets/index';
import { worksheetSchema } from '../../shared/worksheets/schema';
import type { WorksheetBlock } from '../../shared/worksheets/types';
import { expectFailure, expectOk, makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

type Fields = Extract<WorksheetBlock, { kind: 'fields' }>['fields'];

const safetyPlanFields = (): Fields => {
  const block = findBuiltInWorksheet('safety-plan')?.blocks.find((each) => each.kind === 'fields');
  if (block?.kind !== 'fields') throw new Error('the safety plan has no contacts block');
  return block.fields;
};

const THERAPIST = 'My therapist (name and phone)';
const AFTER_HOURS = 'After-hours or on-call line';
const CRISIS = 'Crisis line (call or text)';
const EMERGENCY = 'Emergency number';
const DEPARTMENT = 'Nearest emergency department or urgent care (address)';

const none: SafetyPlanContacts = {
  therapistName: '',
  therapistPhone: '',
  afterHoursLine: '',
  crisisLineEntries: [],
  crisisLines: '',
  emergencyNumber: '',
  emergencyDepartment: '',
};
const everything: SafetyPlanContacts = {
  therapistName: 'Dr Ana Ruiz',
  therapistPhone: '020 7946 0000',
  afterHoursLine: 'Harbour on-call 020 7946 0001',
  crisisLineEntries: [
    { label: 'Samaritans', number: '116 123' },
    { label: 'Shout', number: 'Text SHOUT to 85258' },
    { label: 'Papyrus', number: '0800 068 4141' },
    { label: '', number: '0300 123 3393' },
  ],
  crisisLines: '',
  emergencyNumber: '999',
  emergencyDepartment: 'St Thomas’ Hospital, Westminster Bridge Road',
};

describe('the safety plan prints each contact under its own label', () => {
  it.each<{ name: string; contacts: SafetyPlanContacts | undefined; rows: [string, string][] }>([
    {
      name: 'no settings given (a preview without them): every row blank',
      contacts: undefined,
      rows: [
        [THERAPIST, ''],
        [AFTER_HOURS, ''],
        [CRISIS, ''],
        [EMERGENCY, ''],
        [DEPARTMENT, ''],
      ],
    },
    {
      name: 'nothing set: every row a blank line to write on',
      contacts: none,
      rows: [
        [THERAPIST, ''],
        [AFTER_HOURS, ''],
        [CRISIS, ''],
        [EMERGENCY, ''],
        [DEPARTMENT, ''],
      ],
    },
    {
      // Version 1 printed a single crisis line under "After-hours or on-call line".
      name: 'one crisis line only: under the crisis-line label, the after-hours line stays blank',
      contacts: { ...none, crisisLineEntries: [{ label: 'Samaritans', number: '116 123' }] },
      rows: [
        [THERAPIST, ''],
        [AFTER_HOURS, ''],
        [CRISIS, 'Samaritans: 116 123'],
        [EMERGENCY, ''],
        [DEPARTMENT, ''],
      ],
    },
    {
      name: 'everything set, four crisis lines: each under its own label, none dropped',
      contacts: everything,
      rows: [
        [THERAPIST, 'Dr Ana Ruiz · 020 7946 0000'],
        [AFTER_HOURS, 'Harbour on-call 020 7946 0001'],
        [CRISIS, 'Samaritans: 116 123'],
        [CRISIS, 'Shout: Text SHOUT to 85258'],
        [CRISIS, 'Papyrus: 0800 068 4141'],
        [CRISIS, '0300 123 3393'],
        [EMERGENCY, '999'],
        [DEPARTMENT, 'St Thomas’ Hospital, Westminster Bridge Road'],
      ],
    },
    {
      name: 'the signer’s name alone fills "My therapist"',
      contacts: { ...none, therapistName: 'Dr Ana Ruiz' },
      rows: [
        [THERAPIST, 'Dr Ana Ruiz'],
        [AFTER_HOURS, ''],
        [CRISIS, ''],
        [EMERGENCY, ''],
        [DEPARTMENT, ''],
      ],
    },
    {
      name: 'only the emergency number: it does not move up into an empty row',
      contacts: { ...none, emergencyNumber: '112' },
      rows: [
        [THERAPIST, ''],
        [AFTER_HOURS, ''],
        [CRISIS, ''],
        [EMERGENCY, '112'],
        [DEPARTMENT, ''],
      ],
    },
    {
      name: 'crisis lines kept as text by an earlier version print as crisis lines, after the rows',
      contacts: {
        ...none,
        crisisLineEntries: [{ label: 'Samaritans', number: '116 123' }],
        crisisLines: 'Harbour Crisis Line: 0800 555 0199\n\n  Lifeline 13 11 14  \n',
      },
      rows: [
        [THERAPIST, ''],
        [AFTER_HOURS, ''],
        [CRISIS, 'Samaritans: 116 123'],
        [CRISIS, 'Harbour Crisis Line: 0800 555 0199'],
        [CRISIS, 'Lifeline 13 11 14'],
        [EMERGENCY, ''],
        [DEPARTMENT, ''],
      ],
    },
  ])('$name', ({ contacts, rows }) => {
    expect(printedFields(safetyPlanFields(), contacts).map((row) => [row.label, row.value])).toEqual(rows);
  });

  it('prints as many crisis lines as Settings keeps (the most allowed)', () => {
    const many = Array.from({ length: CRISIS_LINES_MAX }, (_, index) => ({
      label: `Line ${index + 1}`,
      number: `0800 000 ${String(index).padStart(3, '0')}`,
    }));
    const printed = printedFields(safetyPlanFields(), { ...none, crisisLineEntries: many });
    expect(printed.filter((row) => row.label === CRISIS).map((row) => row.value)).toEqual(
      many.map((line) => `${line.label}: ${line.number}`),
    );
  });

  it.each<{ name: string; fields: Fields; rows: [string, string][] }>([
    {
      // A custom copy of version 1 marked three rows 'crisisLines': they keep their meaning by label.
      name: 'a copy of the version 1 safety plan',
      fields: [
        { label: 'My therapist (name and phone)' },
        { label: 'After-hours or on-call line', prefilledFrom: 'crisisLines' },
        { label: 'Crisis line (call or text)', prefilledFrom: 'crisisLines' },
        { label: 'Emergency number', prefilledFrom: 'crisisLines' },
        { label: 'Nearest emergency department or urgent care (address)' },
      ],
      rows: [
        ['My therapist (name and phone)', ''],
        ['After-hours or on-call line', 'Harbour on-call 020 7946 0001'],
        ['Crisis line (call or text)', 'Samaritans: 116 123'],
        ['Crisis line (call or text)', 'Shout: Text SHOUT to 85258'],
        ['Crisis line (call or text)', 'Papyrus: 0800 068 4141'],
        ['Crisis line (call or text)', '0300 123 3393'],
        ['Emergency number', '999'],
        ['Nearest emergency department or urgent care (address)', ''],
      ],
    },
    {
      name: 'a custom sheet with two crisis-line rows: the lines print once, the second row is left to write on',
      fields: [
        { label: 'Lines', prefilledFrom: 'crisisLines' },
        { label: 'Another line', prefilledFrom: 'crisisLines' },
        { label: 'A friend' },
      ],
      rows: [
        ['Lines', 'Samaritans: 116 123'],
        ['Lines', 'Shout: Text SHOUT to 85258'],
        ['Lines', 'Papyrus: 0800 068 4141'],
        ['Lines', '0300 123 3393'],
        ['Another line', ''],
        ['A friend', ''],
      ],
    },
  ])('$name', ({ fields, rows }) => {
    expect(printedFields(fields, everything).map((row) => [row.label, row.value])).toEqual(rows);
  });

  it('the safety plan marks each contact row with its own source, and still has no number of its own', () => {
    expect(safetyPlanFields().map((field) => field.prefilledFrom)).toEqual([
      'therapist',
      'afterHoursLine',
      'crisisLines',
      'emergencyNumber',
      'emergencyDepartment',
    ]);
    expect(findBuiltInWorksheet('safety-plan')?.version).toBe(2);
    expect(worksheetSchema.safeParse(findBuiltInWorksheet('safety-plan')).success).toBe(true);
    expect(safetyPlanFields().map(contactHint)).toEqual([
      expect.stringMatching(/your name and phone/),
      expect.stringMatching(/after-hours/),
      expect.stringMatching(/every crisis line/),
      expect.stringMatching(/emergency number/),
      expect.stringMatching(/emergency department/),
    ]);
    expect(contactHint({ label: 'A friend' })).toBeNull();
  });
});

describe('crisis lines kept as text by an earlier version', () => {
  it.each([
    { text: '', lines: [] },
    { text: 'Samaritans: 116 123', lines: [{ label: 'Samaritans', number: '116 123' }] },
    { text: 'Lifeline 13 11 14', lines: [{ label: '', number: 'Lifeline 13 11 14' }] },
    { text: ': 116 123', lines: [{ label: '', number: ': 116 123' }] },
    { text: 'Name only:', lines: [{ label: '', number: 'Name only:' }] },
    {
      text: ' A: 1 \n\n B: 2: ext 3 \n',
      lines: [
        { label: 'A', number: '1' },
        { label: 'B', number: '2: ext 3' },
      ],
    },
  ])('"$text" reads as $lines.length line(s), nothing lost', ({ text, lines }) => {
    expect(crisisLinesOf({ crisisLineEntries: [], crisisLines: text })).toEqual(lines);
  });
});

describe('the settings boundary for the contacts', () => {
  const field = (key: keyof Settings, value: unknown) => {
    const parsed = settingsSchema.shape[key].safeParse(value);
    return parsed.success ? { ok: parsed.data } : { problem: parsed.error.issues[0]?.message };
  };
  it.each<{ key: keyof Settings; value: unknown; expected: { ok: unknown } | { problem: string } }>([
    { key: 'therapistPhone', value: '  020 7946 0000 ', expected: { ok: '020 7946 0000' } },
    { key: 'therapistPhone', value: '', expected: { ok: '' } },
    { key: 'therapistPhone', value: 'call me', expected: { problem: 'Your phone number needs at least one digit.' } },
    {
      key: 'therapistPhone',
      value: '1'.repeat(41),
      expected: { problem: 'Your phone number can be at most 40 characters.' },
    },
    { key: 'therapistPhone', value: 42, expected: { problem: 'Your phone number must be text.' } },
    { key: 'emergencyNumber', value: '999\n112', expected: { problem: 'The emergency number must be on one line.' } },
    {
      key: 'afterHoursLine',
      value: 'On-call\u0000',
      expected: { problem: 'The after-hours or on-call line must be on one line.' },
    },
    {
      key: 'emergencyDepartment',
      value: 'x'.repeat(201),
      expected: { problem: 'The nearest emergency department can be at most 200 characters.' },
    },
    { key: 'crisisLineEntries', value: [], expected: { ok: [] } },
    {
      key: 'crisisLineEntries',
      value: [{ label: ' Samaritans ', number: ' 116 123 ' }],
      expected: { ok: [{ label: 'Samaritans', number: '116 123' }] },
    },
    {
      key: 'crisisLineEntries',
      value: [{ label: 'Samaritans', number: ' ' }],
      expected: { problem: 'Give the crisis line’s number.' },
    },
    {
      key: 'crisisLineEntries',
      value: [{ label: '', number: 'none' }],
      expected: { problem: 'A crisis line’s number needs at least one digit.' },
    },
    {
      key: 'crisisLineEntries',
      value: [{ label: 'x'.repeat(81), number: '1' }],
      expected: { problem: 'A crisis line’s name can be at most 80 characters.' },
    },
    {
      key: 'crisisLineEntries',
      value: [{ label: 'A', number: '1', extra: true }],
      expected: { problem: 'Each crisis line needs a name and a number.' },
    },
    {
      key: 'crisisLineEntries',
      value: ['Samaritans: 116 123'],
      expected: { problem: 'Each crisis line needs a name and a number.' },
    },
    {
      key: 'crisisLineEntries',
      value: 'Samaritans: 116 123',
      expected: { problem: 'The crisis lines must be a list.' },
    },
    {
      key: 'crisisLineEntries',
      value: Array.from({ length: CRISIS_LINES_MAX + 1 }, () => ({ label: '', number: '1' })),
      expected: { problem: `Up to ${CRISIS_LINES_MAX} crisis lines can be kept.` },
    },
  ])('$key = $value', ({ key, value, expected }) => {
    expect(field(key, value)).toEqual(expected);
  });
});

describe('in a real vault', () => {
  let folders: string[] = [];
  let cores: Core[] = [];
  beforeEach(() => {
    folders = [];
    cores = [];
  });
  afterEach(async () => {
    for (const core of cores) await core.shutdown();
    for (const folder of folders) removeFolder(folder);
  });
  async function newVault(): Promise<Core> {
    const folder = makeTempFolder('contacts');
    folders.push(folder);
    const core = createCore({ folder });
    cores.push(core);
    expectOk(await core.handle('vault:create', { passphrase: PASSPHRASE }));
    return core;
  }
  const contactsRequest = {
    therapistPhone: everything.therapistPhone,
    afterHoursLine: everything.afterHoursLine,
    crisisLineEntries: everything.crisisLineEntries,
    emergencyNumber: everything.emergencyNumber,
    emergencyDepartment: everything.emergencyDepartment,
  };

  it('keeps the contacts through settings:update, and refuses a bad one without changing anything', async () => {
    const core = await newVault();
    expect(expectOk<Settings>(await core.handle('settings:update', contactsRequest))).toMatchObject(contactsRequest);
    const refused = expectFailure(
      await core.handle('settings:update', { crisisLineEntries: [{ label: 'Broken', number: '' }] }),
      'INVALID_REQUEST',
    );
    expect(refused.message).toMatch(/Give the crisis line’s number\./);
    expect(expectOk<Settings>(await core.handle('settings:get', {})).crisisLineEntries).toEqual(
      everything.crisisLineEntries,
    );
  });

  it('a vault’s crisis lines kept as text before are still there, and print as crisis lines', async () => {
    const core = await newVault();
    expectOk(await core.handle('settings:update', { crisisLines: 'Harbour Crisis Line: 0800 555 0199' }));
    const settings = expectOk<Settings>(await core.handle('settings:get', {}));
    expect(settings.crisisLineEntries).toEqual([]);
    expect(printedFields(safetyPlanFields(), settings).filter((row) => row.label === CRISIS)).toEqual([
      { label: CRISIS, value: 'Harbour Crisis Line: 0800 555 0199' },
    ]);
  });

  it('a damaged crisis-line list never stops the settings from reading: it counts as empty and is reported', async () => {
    const core = await newVault();
    expectOk(await core.handle('settings:update', contactsRequest));
    core.vault
      .db()
      .prepare("UPDATE settings SET value = ? WHERE key = 'crisisLineEntries'")
      .run(JSON.stringify([{ label: 'A', number: '1' }, { label: 'B' }]));
    const { settings, damaged } = readSettingsChecked(core.vault.db());
    expect(settings).toEqual({ ...defaultSettings, ...contactsRequest, crisisLineEntries: [] });
    expect(damaged.map((each) => [each.key, each.problem])).toEqual([
      ['crisisLineEntries', 'The value of crisisLineEntries is not allowed: A crisis line’s number must be text.'],
    ]);
  });

  it('an archive’s contacts are listed for ticking, checked as if typed, and a hostile one refuses the import', async () => {
    const core = await newVault();
    expectOk(await core.handle('settings:update', { crisisLineEntries: [{ label: 'Samaritans', number: '116 123' }] }));
    const db = core.vault.db();
    const row = (key: string, value: unknown) => ({ key, value: JSON.stringify(value) });
    const rows = [
      row('crisisLineEntries', [{ label: 'Samaritans', number: '116 123' }]),
      row('emergencyNumber', '112'),
      row('crisisLines', 'Lifeline: 13 11 14'),
    ];
    // The same list of lines is no change; the others are, with the values as a person reads them.
    const plan = planSettings(db, rows);
    expect(plan.map(({ key, label, current, incoming }) => ({ key, label, current, incoming }))).toEqual([
      { key: 'emergencyNumber', label: 'Emergency number', current: '(empty)', incoming: '112' },
      {
        key: 'crisisLines',
        label: 'Crisis lines (as kept by an earlier version)',
        current: '(empty)',
        incoming: 'Lifeline: 13 11 14',
      },
    ]);
    const different = [
      row('crisisLineEntries', [
        { label: 'Shout', number: '85258' },
        { label: '', number: '999' },
      ]),
    ];
    expect(planSettings(db, different).map(({ current, incoming }) => ({ current, incoming }))).toEqual([
      { current: 'Samaritans: 116 123', incoming: 'Shout: 85258; 999' },
    ]);
    takeSettings(db, different, planSettings(db, different), ['crisisLineEntries']);
    expect(expectOk<Settings>(await core.handle('settings:get', {})).crisisLineEntries).toEqual([
      { label: 'Shout', number: '85258' },
      { label: '', number: '999' },
    ]);
    expect(() => planSettings(db, [row('crisisLineEntries', [{ label: 'x', number: 'no digits' }])])).toThrow(
      /A crisis line’s number needs at least one digit\./,
    );
    expect(() => planSettings(db, [row('therapistPhone', '020\n7946')])).toThrow(
      /Your phone number must be on one line\./,
    );
  });
});
