import { describe, expect, it } from 'vitest';
import { type ClientInput, clientInputSchema, clientLabel, emptyClientInput } from '../../shared/clients/client';
import { localToday } from '../../shared/dates';

/** The client form's rules (shared/clients/client.ts), as enforced at the IPC boundary. */
const valid = (overrides: Partial<ClientInput>): ClientInput => ({
  ...emptyClientInput,
  displayName: 'Ana Lima',
  ...overrides,
});

/** Two days ahead, so a run that crosses midnight still tests a future date. */
function dayAfterTomorrow(): string {
  const date = new Date();
  date.setDate(date.getDate() + 2);
  return localToday(date);
}

type Accepted = { why: string; input: Partial<ClientInput>; field: keyof ClientInput; stored: string };
type Refused = { why: string; input: Partial<ClientInput>; field: keyof ClientInput; message: RegExp };

describe('clientInputSchema accepts and normalises', () => {
  const rows: Accepted[] = [
    {
      why: 'a name is stored trimmed',
      input: { displayName: '  Ana Lima  ' },
      field: 'displayName',
      stored: 'Ana Lima',
    },
    { why: 'optional text is stored trimmed', input: { pronouns: ' she/her ' }, field: 'pronouns', stored: 'she/her' },
    { why: 'an empty optional field stays empty', input: { email: '' }, field: 'email', stored: '' },
    { why: 'a whitespace-only optional field becomes empty', input: { phone: '   ' }, field: 'phone', stored: '' },
    {
      why: 'a real past date of birth (ISO 8601 YYYY-MM-DD)',
      input: { dateOfBirth: '1985-07-14' },
      field: 'dateOfBirth',
      stored: '1985-07-14',
    },
    {
      why: 'a leap day in a leap year (2000-02-29)',
      input: { dateOfBirth: '2000-02-29' },
      field: 'dateOfBirth',
      stored: '2000-02-29',
    },
    {
      why: 'today as date of birth (a newborn is not in the future)',
      input: { dateOfBirth: localToday() },
      field: 'dateOfBirth',
      stored: localToday(),
    },
    {
      why: 'an email with @ and something on both sides',
      input: { email: 'ana@example.org' },
      field: 'email',
      stored: 'ana@example.org',
    },
    {
      why: 'an international phone number (E.164 with spaces)',
      input: { phone: '+44 20 7946 0958' },
      field: 'phone',
      stored: '+44 20 7946 0958',
    },
    {
      why: 'a phone number with brackets, dashes, dots and an extension',
      input: { phone: '(555) 123-4567 x12' },
      field: 'phone',
      stored: '(555) 123-4567 x12',
    },
    {
      why: 'ICD-10 F32.1 (WHO ICD-10: moderate depressive episode)',
      input: { diagnosisCode: 'F32.1' },
      field: 'diagnosisCode',
      stored: 'F32.1',
    },
    {
      why: 'ICD-10 in lower case is normalised (f32.1 → F32.1)',
      input: { diagnosisCode: 'f32.1' },
      field: 'diagnosisCode',
      stored: 'F32.1',
    },
    {
      why: 'ICD-10 category without subdivision (F41)',
      input: { diagnosisCode: 'F41' },
      field: 'diagnosisCode',
      stored: 'F41',
    },
    {
      why: 'ICD-10-CM style longer subdivision (F43.10)',
      input: { diagnosisCode: 'F43.10' },
      field: 'diagnosisCode',
      stored: 'F43.10',
    },
    {
      why: 'ICD-10 chapter U, special purposes (WHO U07.1)',
      input: { diagnosisCode: 'U07.1' },
      field: 'diagnosisCode',
      stored: 'U07.1',
    },
    {
      why: 'ICD-10 code with spaces around is trimmed then checked',
      input: { diagnosisCode: ' f41.1 ' },
      field: 'diagnosisCode',
      stored: 'F41.1',
    },
    {
      why: 'name at the 200-character limit',
      input: { displayName: 'n'.repeat(200) },
      field: 'displayName',
      stored: 'n'.repeat(200),
    },
    {
      why: 'presenting concerns at the 20,000-character limit',
      input: { presentingConcerns: 'c'.repeat(20_000) },
      field: 'presentingConcerns',
      stored: 'c'.repeat(20_000),
    },
    {
      why: 'diagnosis text at the 2,000-character limit',
      input: { diagnosis: 'd'.repeat(2_000) },
      field: 'diagnosis',
      stored: 'd'.repeat(2_000),
    },
    {
      why: 'preferred name at the 100-character limit',
      input: { preferredName: 'p'.repeat(100) },
      field: 'preferredName',
      stored: 'p'.repeat(100),
    },
    {
      why: 'email at the 254-character limit (RFC 5321 path limit)',
      input: { email: `${'e'.repeat(240)}@example.org` },
      field: 'email',
      stored: `${'e'.repeat(240)}@example.org`,
    },
  ];

  it.each(rows)('$why', ({ input, field, stored }) => {
    const result = clientInputSchema.safeParse(valid(input));
    expect(result.success).toBe(true);
    if (result.success) expect(result.data[field]).toBe(stored);
  });
});

describe('clientInputSchema refuses', () => {
  const rows: Refused[] = [
    {
      why: 'a missing name (the one required field)',
      input: { displayName: '' },
      field: 'displayName',
      message: /Enter the client’s name/,
    },
    {
      why: 'a whitespace-only name',
      input: { displayName: '   ' },
      field: 'displayName',
      message: /Enter the client’s name/,
    },
    {
      why: 'a name over 200 characters',
      input: { displayName: 'n'.repeat(201) },
      field: 'displayName',
      message: /at most 200/,
    },
    {
      why: 'a date of birth in the future (the day after tomorrow)',
      input: { dateOfBirth: dayAfterTomorrow() },
      field: 'dateOfBirth',
      message: /cannot be in the future/,
    },
    {
      why: 'a date of birth far in the future',
      input: { dateOfBirth: '2999-01-01' },
      field: 'dateOfBirth',
      message: /cannot be in the future/,
    },
    {
      why: 'an impossible date (2023-02-30)',
      input: { dateOfBirth: '2023-02-30' },
      field: 'dateOfBirth',
      message: /real date/,
    },
    {
      why: 'a leap day in a non-leap year (2023-02-29)',
      input: { dateOfBirth: '2023-02-29' },
      field: 'dateOfBirth',
      message: /real date/,
    },
    { why: 'month 13', input: { dateOfBirth: '1990-13-01' }, field: 'dateOfBirth', message: /real date/ },
    {
      why: 'a non-ISO date (14/07/1985)',
      input: { dateOfBirth: '14/07/1985' },
      field: 'dateOfBirth',
      message: /real date/,
    },
    {
      why: 'a date with a time (ISO datetime is not a date)',
      input: { dateOfBirth: '1985-07-14T00:00' },
      field: 'dateOfBirth',
      message: /at most 10/,
    },
    { why: 'an email without @', input: { email: 'ana.example.org' }, field: 'email', message: /needs an @/ },
    { why: 'an email with nothing before @', input: { email: '@example.org' }, field: 'email', message: /needs an @/ },
    { why: 'an email with a space', input: { email: 'ana lima@example.org' }, field: 'email', message: /needs an @/ },
    {
      why: 'an email over 254 characters',
      input: { email: `${'e'.repeat(243)}@example.org` },
      field: 'email',
      message: /at most 254/,
    },
    {
      why: 'a phone number with letters (vanity numbers are not dialable as typed)',
      input: { phone: '555-CALL-ANA' },
      field: 'phone',
      message: /only digits/,
    },
    { why: 'a phone number without any digit', input: { phone: '+() -' }, field: 'phone', message: /only digits/ },
    {
      why: 'an emergency contact phone with letters',
      input: { emergencyContactPhone: 'ask reception' },
      field: 'emergencyContactPhone',
      message: /only digits/,
    },
    {
      why: 'a phone number over 40 characters',
      input: { phone: '1'.repeat(41) },
      field: 'phone',
      message: /at most 40/,
    },
    {
      why: "ICD-10 'depression' (a word, not a code)",
      input: { diagnosisCode: 'depression' },
      field: 'diagnosisCode',
      message: /looks like F32\.1/,
    },
    {
      why: 'ICD-10 with the dot in the wrong place (F3.21)',
      input: { diagnosisCode: 'F3.21' },
      field: 'diagnosisCode',
      message: /looks like F32\.1/,
    },
    {
      why: 'ICD-10 starting with a digit (32.1)',
      input: { diagnosisCode: '32.1' },
      field: 'diagnosisCode',
      message: /looks like F32\.1/,
    },
    {
      why: 'ICD-10 over 10 characters',
      input: { diagnosisCode: 'F32.1234567' },
      field: 'diagnosisCode',
      message: /at most 10/,
    },
    {
      why: 'presenting concerns over 20,000 characters',
      input: { presentingConcerns: 'c'.repeat(20_001) },
      field: 'presentingConcerns',
      message: /at most 20000/,
    },
    {
      why: 'diagnosis text over 2,000 characters',
      input: { diagnosis: 'd'.repeat(2_001) },
      field: 'diagnosis',
      message: /at most 2000/,
    },
    {
      why: 'pronouns over 50 characters',
      input: { pronouns: 'p'.repeat(51) },
      field: 'pronouns',
      message: /at most 50/,
    },
    {
      why: 'emergency contact name over 200 characters',
      input: { emergencyContactName: 'n'.repeat(201) },
      field: 'emergencyContactName',
      message: /at most 200/,
    },
  ];

  it.each(rows)('$why', ({ input, field, message }) => {
    const result = clientInputSchema.safeParse(valid(input));
    expect(result.success).toBe(false);
    if (!result.success) {
      const issue = result.error.issues[0];
      expect(issue?.path).toEqual([field]);
      expect(issue?.message).toMatch(message);
    }
  });

  it.each([
    { why: 'a missing field (forms always send every field)', input: { displayName: 'Ana' }, path: ['preferredName'] },
    {
      why: 'an unknown field (strict object: nothing unexpected is stored)',
      input: { ...emptyClientInput, displayName: 'Ana', notes: 'x' },
      path: [],
    },
    { why: 'a number where text is expected', input: { ...emptyClientInput, displayName: 42 }, path: ['displayName'] },
    {
      why: 'null where text is expected',
      input: { ...emptyClientInput, displayName: 'Ana', email: null },
      path: ['email'],
    },
  ])('$why', ({ input, path }) => {
    const result = clientInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(path);
  });
});

describe('clientLabel', () => {
  it.each([
    {
      why: 'name alone when there is no preferred name',
      displayName: 'Alexandra Smith',
      preferredName: '',
      label: 'Alexandra Smith',
    },
    {
      why: 'preferred name in brackets',
      displayName: 'Alexandra Smith',
      preferredName: 'Alex',
      label: 'Alexandra Smith (Alex)',
    },
    {
      why: 'no repetition when the preferred name is the name',
      displayName: 'Alex',
      preferredName: 'Alex',
      label: 'Alex',
    },
  ])('$why', ({ displayName, preferredName, label }) => {
    expect(clientLabel({ displayName, preferredName })).toBe(label);
  });
});
