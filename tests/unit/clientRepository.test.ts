import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createClient,
  getClient,
  listClients,
  setClientStatus,
  updateClient,
} from '../../electron/core/clients/clientRepository';
import { CoreError } from '../../electron/core/coreError';
import type { VaultDb } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { type ClientInput, clientInputSchema, emptyClientInput } from '../../shared/clients/client';

/**
 * The clients table's SQL functions on an in-memory database after the real
 * migrations (encryption is covered by vault.test.ts; the SQL is the same).
 */
let db: VaultDb;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, migrations);
});
afterEach(() => db.close());

/** Repository functions take validated input, exactly as the IPC boundary hands it over. */
const input = (overrides: Partial<ClientInput>) => clientInputSchema.parse({ ...emptyClientInput, ...overrides });
const at = (iso: string) => new Date(iso);

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof CoreError) return error.code;
    throw error;
  }
  return undefined;
}

describe('createClient / getClient', () => {
  it('stores every field and reads it back as the same client', () => {
    const created = createClient(
      db,
      input({
        displayName: 'Ana Lima',
        preferredName: 'Ana',
        pronouns: 'she/her',
        dateOfBirth: '1985-07-14',
        phone: '+44 20 7946 0958',
        email: 'ana@example.org',
        emergencyContactName: 'João Lima',
        emergencyContactPhone: '+44 20 7946 0000',
        presentingConcerns: 'Low mood since spring.\nSleep disturbed.',
        diagnosis: 'Moderate depressive episode',
        diagnosisCode: 'f32.1',
      }),
      at('2024-01-01T09:00:00.000Z'),
    );
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).toMatchObject({
      displayName: 'Ana Lima',
      preferredName: 'Ana',
      pronouns: 'she/her',
      dateOfBirth: '1985-07-14',
      phone: '+44 20 7946 0958',
      email: 'ana@example.org',
      emergencyContactName: 'João Lima',
      emergencyContactPhone: '+44 20 7946 0000',
      presentingConcerns: 'Low mood since spring.\nSleep disturbed.',
      diagnosis: 'Moderate depressive episode',
      diagnosisCode: 'F32.1',
      status: 'active',
      createdAt: '2024-01-01T09:00:00.000Z',
      updatedAt: '2024-01-01T09:00:00.000Z',
    });
    expect(getClient(db, created.id)).toEqual(created);
  });

  it('gives every client its own id', () => {
    const a = createClient(db, input({ displayName: 'Same Name' }));
    const b = createClient(db, input({ displayName: 'Same Name' }));
    expect(a.id).not.toBe(b.id);
    expect(listClients(db, { includeArchived: false })).toHaveLength(2);
  });

  it('stores text that looks like SQL as text (parameters are bound)', () => {
    const name = "Robert'); DROP TABLE clients;--";
    const created = createClient(db, input({ displayName: name }));
    expect(getClient(db, created.id).displayName).toBe(name);
    expect(listClients(db, { includeArchived: true })).toHaveLength(1);
  });
});

describe('listClients', () => {
  it('orders by name ignoring case, then by creation time', () => {
    const names = ['bob', 'Alice', 'carol', 'Dave', 'alice'];
    names.forEach((displayName, i) => {
      createClient(db, input({ displayName }), at(`2024-01-0${i + 1}T00:00:00.000Z`));
    });
    // 'Alice' was created before 'alice': the tie is broken by created_at.
    expect(listClients(db, { includeArchived: false }).map((c) => c.displayName)).toEqual([
      'Alice',
      'alice',
      'bob',
      'carol',
      'Dave',
    ]);
  });

  it('orders accented names as people read them, not by code point', () => {
    for (const displayName of ['Zoë', 'Émile', 'Øystein', 'adam', 'Ólafur']) createClient(db, input({ displayName }));
    expect(listClients(db, { includeArchived: false }).map((c) => c.displayName)).toEqual([
      'adam',
      'Émile',
      'Ólafur',
      'Øystein',
      'Zoë',
    ]);
  });

  it('is empty in a new vault', () => {
    expect(listClients(db, { includeArchived: false })).toEqual([]);
    expect(listClients(db, { includeArchived: true })).toEqual([]);
  });
});

describe('updateClient', () => {
  it('replaces the fields, keeps id, status and createdAt, and moves updatedAt', () => {
    const created = createClient(
      db,
      input({ displayName: 'Ana Lima', email: 'old@example.org' }),
      at('2024-01-01T09:00:00.000Z'),
    );
    const updated = updateClient(
      db,
      created.id,
      input({ displayName: 'Ana Lima-Souza', email: 'new@example.org' }),
      at('2024-02-01T10:30:00.000Z'),
    );
    expect(updated).toEqual({
      ...created,
      displayName: 'Ana Lima-Souza',
      email: 'new@example.org',
      updatedAt: '2024-02-01T10:30:00.000Z',
    });
    expect(getClient(db, created.id)).toEqual(updated);
  });

  it('by default stamps the current time (system clock set by fake timers, no sleeping)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(at('2024-05-01T08:00:00.000Z'));
      const created = createClient(db, input({ displayName: 'Ana' }));
      vi.setSystemTime(at('2024-05-01T08:00:01.000Z'));
      const updated = updateClient(db, created.id, input({ displayName: 'Ana B' }));
      expect(created.updatedAt).toBe('2024-05-01T08:00:00.000Z');
      expect(updated.createdAt).toBe('2024-05-01T08:00:00.000Z');
      expect(updated.updatedAt).toBe('2024-05-01T08:00:01.000Z');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('archive and restore', () => {
  it('archive hides a client from the default list; includeArchived shows it; restore brings it back', () => {
    const ana = createClient(db, input({ displayName: 'Ana' }), at('2024-01-01T00:00:00.000Z'));
    const ben = createClient(db, input({ displayName: 'Ben' }), at('2024-01-01T00:00:00.000Z'));

    const archived = setClientStatus(db, ana.id, 'archived', at('2024-03-01T00:00:00.000Z'));
    expect(archived).toMatchObject({
      status: 'archived',
      updatedAt: '2024-03-01T00:00:00.000Z',
      createdAt: ana.createdAt,
    });
    expect(listClients(db, { includeArchived: false }).map((c) => c.id)).toEqual([ben.id]);
    expect(listClients(db, { includeArchived: true }).map((c) => [c.id, c.status])).toEqual([
      [ana.id, 'archived'],
      [ben.id, 'active'],
    ]);
    // Archived is not deleted: the record and its content are all still there.
    expect(getClient(db, ana.id)).toEqual(archived);

    const restored = setClientStatus(db, ana.id, 'active', at('2024-04-01T00:00:00.000Z'));
    expect(restored).toMatchObject({ status: 'active', updatedAt: '2024-04-01T00:00:00.000Z' });
    expect(listClients(db, { includeArchived: false }).map((c) => c.id)).toEqual([ana.id, ben.id]);
  });
});

describe('unknown ids', () => {
  const unknownId = '00000000-0000-4000-8000-000000000000';
  it.each([
    { why: 'getClient', action: () => getClient(db, unknownId) },
    { why: 'updateClient', action: () => updateClient(db, unknownId, input({ displayName: 'X' })) },
    { why: 'archive', action: () => setClientStatus(db, unknownId, 'archived') },
    { why: 'restore', action: () => setClientStatus(db, unknownId, 'active') },
  ])('$why → NOT_FOUND and nothing is written', ({ action }) => {
    createClient(db, input({ displayName: 'Existing' }));
    const before = db.prepare('SELECT * FROM clients').all();
    expect(codeOf(action)).toBe('NOT_FOUND');
    expect(db.prepare('SELECT * FROM clients').all()).toEqual(before);
  });
});
