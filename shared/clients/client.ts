import { z } from 'zod';
import { isIsoDate, localToday } from '../dates';

/**
 * A client record. Optional text fields are empty strings rather than null so forms
 * round-trip without special cases. Limits are generous but finite: a pasted book
 * must not be able to bloat the vault or freeze the UI.
 */
const text = (label: string, max: number) =>
  z.string({ error: `${label} must be text.` }).max(max, `${label} can be at most ${max} characters.`);

const optionalText = (label: string, max: number) => text(label, max).transform((value) => value.trim());

const phone = (label: string) =>
  optionalText(label, 40).refine(
    (value) => value === '' || /^[+()\d\s.\-/x]*\d[+()\d\s.\-/x]*$/i.test(value),
    `${label} can contain only digits, spaces and + ( ) - . /`,
  );

// Any letter: chapter U holds WHO's codes for special purposes (e.g. U07.1).
export const ICD10_PATTERN = /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/;

export const clientInputSchema = z.strictObject({
  displayName: text('Name', 200)
    .transform((value) => value.trim())
    .refine((value) => value.length > 0, 'Enter the client’s name.'),
  preferredName: optionalText('Preferred name', 100),
  pronouns: optionalText('Pronouns', 50),
  dateOfBirth: optionalText('Date of birth', 10)
    .refine((value) => value === '' || isIsoDate(value), 'Enter the date of birth as a real date (YYYY-MM-DD).')
    .refine((value) => value === '' || value <= localToday(), 'The date of birth cannot be in the future.'),
  phone: phone('Phone'),
  email: optionalText('Email', 254).refine(
    (value) => value === '' || /^[^\s@]+@[^\s@]+$/.test(value),
    'An email address needs an @ with something on both sides, like name@example.org.',
  ),
  emergencyContactName: optionalText('Emergency contact name', 200),
  emergencyContactPhone: phone('Emergency contact phone'),
  presentingConcerns: optionalText('Presenting concerns', 20_000),
  diagnosis: optionalText('Diagnosis', 2_000),
  diagnosisCode: optionalText('ICD-10 code', 10)
    .transform((value) => value.toUpperCase())
    .refine((value) => value === '' || ICD10_PATTERN.test(value), 'An ICD-10 code looks like F32.1 or F41.1.'),
});

export type ClientInput = z.input<typeof clientInputSchema>;
export type ValidClientInput = z.output<typeof clientInputSchema>;

export const clientStatusSchema = z.enum(['active', 'archived']);
export type ClientStatus = z.infer<typeof clientStatusSchema>;

export const clientIdSchema = z.uuid({ error: 'A client id must be a UUID.' });

export const clientSchema = z.strictObject({
  id: clientIdSchema,
  displayName: z.string(),
  preferredName: z.string(),
  pronouns: z.string(),
  dateOfBirth: z.string(),
  phone: z.string(),
  email: z.string(),
  emergencyContactName: z.string(),
  emergencyContactPhone: z.string(),
  presentingConcerns: z.string(),
  diagnosis: z.string(),
  diagnosisCode: z.string(),
  status: clientStatusSchema,
  /** The template "New note" starts with for this client (null: the CBT session template). */
  defaultTemplateId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof clientSchema>;

export const emptyClientInput: ClientInput = {
  displayName: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  phone: '',
  email: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
  presentingConcerns: '',
  diagnosis: '',
  diagnosisCode: '',
};

/** The name to show in lists: "Alexandra Smith (Alex)". */
export function clientLabel(client: Pick<Client, 'displayName' | 'preferredName'>): string {
  return client.preferredName && client.preferredName !== client.displayName
    ? `${client.displayName} (${client.preferredName})`
    : client.displayName;
}
