import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Core, createCore } from '../../electron/core/core';
import { CoreError } from '../../electron/core/coreError';
import { describeIssue, fieldLabel, issueMessage } from '../../electron/core/requestIssue';
import { errorCodes, errorMessages, plainMessage } from '../../shared/errors';
import { channels } from '../../shared/ipc/channels';
import { makeTempFolder, PASSPHRASE, removeFolder } from './support/vaultFolder';

/**
 * "No field keys or codes in any message" (issue 12): the words built for a request that
 * fails its schema, and the renderer's last guard (plainMessage), table by table; then
 * every channel through the real boundary with hostile payloads.
 */

/** A field key ("backupFolder:", "client.email:") or a code ("BACKUP_FOLDER_MISSING") in a message. */
const LEAK = /^[a-z][A-Za-z0-9.]*: |(^|\s)[a-z]+([A-Z.][A-Za-z0-9]*)+:|\b[A-Z]{2,}(_[A-Z0-9]+)+\b/;
/** Zod's developer wording ("Invalid input: expected string, received number"). */
const ZOD_WORDS = /^(Invalid|Too big|Too small|Unrecognized)|expected .*, received/;

const firstIssue = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the schema to refuse');
  const issue = parsed.error.issues[0];
  if (!issue) throw new Error('expected an issue');
  return issue;
};

describe('issueMessage', () => {
  it.each([
    {
      why: 'our own message, as written, without the key in front',
      schema: z.strictObject({ autoLockMinutes: z.number().min(1, 'Auto-lock must be at least 1 minute.') }),
      input: { autoLockMinutes: 0 },
      field: 'autoLockMinutes',
      message: 'Auto-lock must be at least 1 minute.',
    },
    {
      why: "zod's wrong type, around the field's label",
      schema: z.strictObject({ therapistName: z.string() }),
      input: { therapistName: 5 },
      field: 'therapistName',
      message: 'Your name is not the right kind of value.',
    },
    {
      why: 'a missing field',
      schema: z.strictObject({ backupFolder: z.string() }),
      input: {},
      field: 'backupFolder',
      message: 'The backup folder is missing.',
    },
    {
      why: 'an empty string where one is needed',
      schema: z.strictObject({ displayName: z.string().min(1) }),
      input: { displayName: '' },
      field: 'displayName',
      message: 'The name is empty.',
    },
    {
      why: 'too long',
      schema: z.strictObject({ path: z.string().max(10) }),
      input: { path: '/a/very/long/path' },
      field: 'path',
      message: 'The location is too long (at most 10 characters).',
    },
    {
      why: 'a number too big',
      schema: z.strictObject({ autoLockMinutes: z.number().max(60) }),
      input: { autoLockMinutes: 90 },
      field: 'autoLockMinutes',
      message: 'Auto-lock can be at most 60.',
    },
    {
      why: 'not one of the choices',
      schema: z.strictObject({ noteKind: z.enum(['progress', 'psychotherapy']) }),
      input: { noteKind: 'diary' },
      field: 'noteKind',
      message: 'The note kind is not one of the choices.',
    },
    {
      why: 'a nested key, spelled out from camelCase; list indexes skipped',
      schema: z.strictObject({ rows: z.array(z.strictObject({ sessionDate: z.string() })) }),
      input: { rows: [{ sessionDate: 3 }] },
      field: 'rows.0.sessionDate',
      message: 'The session date is not the right kind of value.',
    },
    {
      why: 'an unexpected key is never echoed',
      schema: z.strictObject({ passphrase: z.string() }),
      input: { passphrase: 'x', backupFolder: '/tmp' },
      field: 'backupFolder',
      message: 'This request holds something Sessionkeep does not expect, so it was refused. Nothing was changed.',
    },
    {
      why: 'a whole request of the wrong kind',
      schema: z.strictObject({ passphrase: z.string() }),
      input: 'not an object',
      field: '(request)',
      message: 'This request is not the right kind of value.',
    },
  ])('$why', ({ schema, input, field, message }) => {
    const described = describeIssue(firstIssue(schema, input));
    expect(described).toEqual({ field, message });
    expect(described.message).not.toMatch(LEAK);
  });

  it('does not echo a hostile key as a label', () => {
    expect(fieldLabel(['<img src=x onerror=alert(1)>'])).toBe('A value');
    expect(fieldLabel(['x'.repeat(5000)])).toBe('A value');
    expect(fieldLabel([Symbol('s')])).toBe('This request');
    expect(fieldLabel([])).toBe('This request');
  });

  it('never starts one of our messages like a zod one (the rewrite would hide it)', () => {
    expect(
      issueMessage(
        firstIssue(
          z.string().refine(() => false, 'Invalidated on purpose.'),
          'x',
        ),
      ),
    ).toBe('Invalidated on purpose.');
  });
});

describe('plainMessage (the renderer’s last guard)', () => {
  it.each([
    { code: 'BACKUP_FOLDER_MISSING', message: 'BACKUP_FOLDER_MISSING', shown: errorMessages.BACKUP_FOLDER_MISSING },
    { code: 'READ_ONLY', message: 'DISK_FULL', shown: errorMessages.READ_ONLY },
    { code: 'INTERNAL', message: '', shown: errorMessages.INTERNAL },
    { code: 'INTERNAL', message: undefined, shown: errorMessages.INTERNAL },
    { code: 'INVALID_REQUEST', message: '   ', shown: errorMessages.INVALID_REQUEST },
    {
      code: 'INVALID_REQUEST',
      message: 'backupFolder: Give the backup folder as a full path.',
      shown: 'Give the backup folder as a full path.',
    },
    {
      code: 'INVALID_REQUEST',
      message: 'client.email: an email address needs an @.',
      shown: 'An email address needs an @.',
    },
    { code: 'NOT_FOUND', message: 'That record does not exist.', shown: 'That record does not exist.' },
    // A message that happens to hold a colon after a capitalised word is words, not a key.
    { code: 'INVALID_REQUEST', message: 'Duration: Enter at most 600.', shown: 'Duration: Enter at most 600.' },
  ] as const)('$code with "$message"', ({ code, message, shown }) => {
    expect(plainMessage(code, message)).toBe(shown);
  });

  it('every code has words of its own, with no code in them', () => {
    for (const code of errorCodes) expect(errorMessages[code], code).not.toMatch(LEAK);
  });

  it('a CoreError given no message carries its code’s words, not the code', () => {
    expect(new CoreError('BACKUP_FOLDER_MISSING').message).toBe(errorMessages.BACKUP_FOLDER_MISSING);
    expect(new CoreError('READ_ONLY', 'The backup folder is read-only.').message).toBe(
      'The backup folder is read-only.',
    );
  });
});

describe('every channel through the real boundary', () => {
  let root: string;
  let core: Core;
  beforeAll(async () => {
    root = makeTempFolder('request-issue');
    core = createCore({ folder: join(root, 'vault') });
    await core.handle('vault:create', { passphrase: PASSPHRASE });
  });
  afterAll(async () => {
    await core.shutdown();
    removeFolder(root);
  });

  const hostile: [string, unknown][] = [
    ['an empty object', {}],
    ['a string', 'x'],
    ['null', null],
    ['every likely key of the wrong type', { id: 5, path: 5, backupFolder: 5, passphrase: 5, client: 5, text: 5 }],
    ['an unexpected key', { surprise: true }],
  ];

  it.each([...channels])('%s: refusals are in words only', async (channel) => {
    for (const [label, payload] of hostile) {
      const result = await core.handle(channel, payload);
      if (result.ok) continue;
      expect(result.message, `${channel}, ${label}`).not.toMatch(LEAK);
      expect(result.message, `${channel}, ${label}`).not.toMatch(ZOD_WORDS);
      expect(result.message.trim(), `${channel}, ${label}`).not.toBe('');
    }
  });

  it('a typed backup folder, the case the issue quoted, is refused in words: the page names no folder now', async () => {
    // Issue 13: the folder is chosen in the system's dialog and sent as a token
    // (settings:setBackupFolder); settings:update takes no path at all.
    const result = await core.handle('settings:update', { backupFolder: 'backups' });
    expect(result).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
      message: 'This request holds something Sessionkeep does not expect, so it was refused. Nothing was changed.',
    });
  });
});
