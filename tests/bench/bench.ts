/**
 * `npm run bench`: unlock time, and a save-and-read loop on the encrypted vault
 * against the same loop on a plain SQLite file in the same process, as a ratio.
 * Prints a table and a JSON line. Figures are medians; the machine is printed too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createClient, getClient, updateClient } from '../../electron/core/clients/clientRepository';
import { openVaultDatabase, type VaultDb } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { readKeyFile, unwrapDataKey } from '../../electron/core/vault/keyFile';
import { VaultSession } from '../../electron/core/vault/vaultSession';
import { clientInputSchema } from '../../shared/clients/client';

const PASSPHRASE = 'bench passphrase for sessionkeep';
const UNLOCK_RUNS = 5;
const LOOP_ITERATIONS = 2_000;
const LOOP_ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function time(task: () => unknown): Promise<number> {
  const start = performance.now();
  await task();
  return performance.now() - start;
}

const input = (i: number) =>
  clientInputSchema.parse({
    displayName: `Bench Client ${i}`,
    preferredName: '',
    pronouns: 'they/them',
    dateOfBirth: '1980-01-01',
    phone: '+1 555 0100',
    email: `client${i}@example.org`,
    emergencyContactName: 'Someone',
    emergencyContactPhone: '+1 555 0101',
    presentingConcerns: 'Low mood and poor sleep. '.repeat(40),
    diagnosis: 'Major depressive disorder, single episode, moderate',
    diagnosisCode: 'F32.1',
  });

/** One autosave-like round: write a record, change it, read it back. */
function saveAndReadLoop(db: VaultDb, iterations: number): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const client = createClient(db, input(i));
    updateClient(db, client.id, { ...input(i), presentingConcerns: `Updated ${i}` });
    getClient(db, client.id);
  }
  return performance.now() - start;
}

function openPlain(path: string): VaultDb {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  migrate(db, migrations);
  return db;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'sessionkeep-bench-'));
  try {
    const session = new VaultSession({ folder: join(root, 'vault') });
    const createMs = await time(() => session.create(PASSPHRASE));
    await session.lock('manual');

    const unlockMs: number[] = [];
    const kdfMs: number[] = [];
    const openMs: number[] = [];
    const keyFile = await readKeyFile(session.paths.keyFile);
    const dataKey = await unwrapDataKey(keyFile, PASSPHRASE);
    for (let run = 0; run < UNLOCK_RUNS; run++) {
      unlockMs.push(await time(() => session.unlock(PASSPHRASE)));
      await session.lock('manual');
      kdfMs.push(await time(async () => (await unwrapDataKey(keyFile, PASSPHRASE)).fill(0)));
      openMs.push(
        await time(async () => (await openVaultDatabase(session.paths.database, dataKey, { create: false })).close()),
      );
    }
    dataKey.fill(0);

    await session.unlock(PASSPHRASE);
    const encrypted = session.db();
    const plain = openPlain(join(root, 'plain.db'));
    const encryptedMs: number[] = [];
    const plainMs: number[] = [];
    // Interleaved rounds, so drift in the machine's load affects both alike.
    for (let round = 0; round < LOOP_ROUNDS; round++) {
      plainMs.push(saveAndReadLoop(plain, LOOP_ITERATIONS));
      encryptedMs.push(saveAndReadLoop(encrypted, LOOP_ITERATIONS));
    }
    plain.close();
    await session.lock('manual');

    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const result = {
      machine: `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}, Node ${process.version}`,
      createVaultMs: Math.round(createMs),
      unlockMedianMs: Math.round(median(unlockMs)),
      kdfMedianMs: Math.round(median(kdfMs)),
      openAndCheckMedianMs: Number(median(openMs).toFixed(1)),
      loop: {
        iterations: LOOP_ITERATIONS,
        rounds: LOOP_ROUNDS,
        operationsPerIteration: 'insert + update + read (WAL, synchronous=FULL)',
        plainMedianMs: Math.round(median(plainMs)),
        encryptedMedianMs: Math.round(median(encryptedMs)),
        encryptedOverPlain: Number((median(encryptedMs) / median(plainMs)).toFixed(2)),
      },
    };

    console.log(`Sessionkeep benchmark — ${result.machine}\n`);
    console.table({
      'create vault (scrypt + new database)': { ms: result.createVaultMs },
      'unlock (KDF + open + checks + migrate)': { ms: result.unlockMedianMs },
      '  scrypt N=2^17 alone': { ms: result.kdfMedianMs },
      '  open + quick_check + migrate alone': { ms: result.openAndCheckMedianMs },
      [`save-and-read ×${LOOP_ITERATIONS}, plain SQLite`]: { ms: result.loop.plainMedianMs },
      [`save-and-read ×${LOOP_ITERATIONS}, encrypted vault`]: { ms: result.loop.encryptedMedianMs },
    });
    console.log(`encrypted / plain = ${result.loop.encryptedOverPlain}×\n`);
    console.log(JSON.stringify(result));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
