/**
 * `npm run bench`: unlock time, and a save-and-read loop on the encrypted vault
 * against the same loop on a plain SQLite file in the same process, as a ratio.
 * Prints a table and a JSON line. Figures are medians; the machine is printed too.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { makeBackup } from '../../electron/core/backup/makeBackup';
import { createClient, getClient, updateClient } from '../../electron/core/clients/clientRepository';
import { CoreError } from '../../electron/core/coreError';
import { openVaultDatabase, type VaultDb } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { exportVault, planImport } from '../../electron/core/export';
import { readKeyFile, unwrapDataKey } from '../../electron/core/vault/keyFile';
import { VaultSession } from '../../electron/core/vault/vaultSession';
import { clientInputSchema } from '../../shared/clients/client';
import {
  autosaveLatencies,
  autosaveLatenciesDuring,
  buildSyntheticVault,
  NOTE_COUNT,
  openClientLatencies,
  percentile,
  searchLatencies,
  TERMS,
} from './notesBench';

const PASSPHRASE = 'bench passphrase for sessionkeep';
const UNLOCK_RUNS = 5;
const LOOP_ITERATIONS = 2_000;
const LOOP_ROUNDS = 5;

const round = (value: number) => Number(value.toFixed(2));

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

    // The loop's thousands of throwaway clients would make the export below print a
    // record PDF for each: a practice has hundreds, so they go before the vault is built.
    for (const db of [encrypted, plain])
      db.prepare("DELETE FROM clients WHERE display_name LIKE 'Bench Client %'").run();

    // Notes at scale: the same synthetic vault built in both databases.
    const buildStart = performance.now();
    const encryptedVault = buildSyntheticVault(encrypted);
    const buildEncryptedMs = performance.now() - buildStart;
    const plainVault = buildSyntheticVault(plain);
    const autosaveEncrypted = autosaveLatencies(encrypted, encryptedVault.noteIds, 500);
    const autosavePlain = autosaveLatencies(plain, plainVault.noteIds, 500);
    const searches = Object.fromEntries(
      Object.entries(TERMS).map(([kind, term]) => [kind, searchLatencies(encrypted, term, 20)]),
    );
    const openClient = openClientLatencies(encrypted, encryptedVault.clientIds[0] as string, 50);

    // Backups and export of the same vault, against a plain VACUUM INTO of the plain file.
    const copies = join(root, 'copies');
    mkdirSync(copies);
    const vacuumPlainMs = await time(() => plain.exec(`VACUUM INTO '${join(copies, 'plain-copy.db')}'`));
    const vacuumEncryptedMs = await time(() => encrypted.exec(`VACUUM INTO '${join(copies, 'encrypted-copy.db')}'`));
    const backupFolder = join(root, 'backups');
    mkdirSync(backupFolder);
    const backupMs = await time(() =>
      session.withUnlocked((db, dataKey) => makeBackup(db, dataKey, { keyFile: session.paths.keyFile, backupFolder })),
    );
    // The same backup again, with the window's autosaves falling due every 50 ms meanwhile
    // (issue 13: every autosave waits behind a backup on the main thread).
    const duringFolder = join(root, 'backups-during');
    mkdirSync(duringFolder);
    const autosaveDuringBackup = await autosaveLatenciesDuring(encrypted, encryptedVault.noteIds, () =>
      session.withUnlocked((db, dataKey) =>
        makeBackup(db, dataKey, { keyFile: session.paths.keyFile, backupFolder: duringFolder }),
      ),
    );
    const exportPath = join(root, 'export.zip');
    const exportMs = await time(() => exportVault(encrypted, exportPath));
    // A large vault's export is over the import's 24 MiB per table file (issue 11): the
    // dry run refuses it, and the bench says so instead of stopping there.
    const planMs = await time(() => planImport(encrypted, exportPath)).catch((error: unknown) => {
      if (error instanceof CoreError && error.code === 'IMPORT_REFUSED') return null;
      throw error;
    });
    const vaultBytes = statSync(join(root, 'vault', 'vault.db')).size;
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
      backup: {
        vaultMiB: round(vaultBytes / 2 ** 20),
        vacuumIntoPlainMs: Math.round(vacuumPlainMs),
        vacuumIntoEncryptedMs: Math.round(vacuumEncryptedMs),
        vacuumEncryptedOverPlain: round(vacuumEncryptedMs / vacuumPlainMs),
        verifiedBackupMs: Math.round(backupMs),
        verifiedBackupOverPlainVacuum: round(backupMs / vacuumPlainMs),
        exportZipMs: Math.round(exportMs),
        importDryRunMs: planMs === null ? null : Math.round(planMs),
      },
      notes: {
        count: NOTE_COUNT,
        buildEncryptedSeconds: Math.round(buildEncryptedMs / 1000),
        autosave: {
          encryptedP50Ms: round(percentile(autosaveEncrypted, 50)),
          encryptedP99Ms: round(percentile(autosaveEncrypted, 99)),
          plainP50Ms: round(percentile(autosavePlain, 50)),
          plainP99Ms: round(percentile(autosavePlain, 99)),
          p50EncryptedOverPlain: round(percentile(autosaveEncrypted, 50) / percentile(autosavePlain, 50)),
          duringBackupP50Ms: round(percentile(autosaveDuringBackup, 50)),
          duringBackupP99Ms: round(percentile(autosaveDuringBackup, 99)),
          duringBackupP99OverIdleP99: round(percentile(autosaveDuringBackup, 99) / percentile(autosaveEncrypted, 99)),
        },
        search: Object.fromEntries(
          Object.entries(searches).map(([kind, result]) => [
            kind,
            {
              term: TERMS[kind as keyof typeof TERMS],
              hitsShown: result.hits,
              ranked: result.ranked,
              p50Ms: round(percentile(result.times, 50)),
              p95Ms: round(percentile(result.times, 95)),
            },
          ]),
        ),
        openClient: {
          notes: openClient.notes,
          p50Ms: round(percentile(openClient.times, 50)),
          p95Ms: round(percentile(openClient.times, 95)),
        },
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
    const notes = result.notes;
    console.log(`Notes at scale: ${notes.count} notes over 200 clients (built in ${notes.buildEncryptedSeconds} s)`);
    console.table({
      'autosave commit, encrypted': {
        p50: notes.autosave.encryptedP50Ms,
        p95: '—',
        p99: notes.autosave.encryptedP99Ms,
      },
      'autosave commit, plain SQLite': { p50: notes.autosave.plainP50Ms, p95: '—', p99: notes.autosave.plainP99Ms },
      'autosave wait while a verified backup runs': {
        p50: notes.autosave.duringBackupP50Ms,
        p95: '—',
        p99: notes.autosave.duringBackupP99Ms,
      },
      ...Object.fromEntries(
        Object.entries(notes.search).map(([kind, figures]) => [
          `search "${figures.term}" (${kind}${figures.ranked ? ', ranked' : ', newest first'})`,
          { p50: figures.p50Ms, p95: figures.p95Ms, p99: '—' },
        ]),
      ),
      [`open a client with ${notes.openClient.notes} notes`]: {
        p50: notes.openClient.p50Ms,
        p95: notes.openClient.p95Ms,
        p99: '—',
      },
    });
    console.log(`autosave p50 encrypted / plain = ${notes.autosave.p50EncryptedOverPlain}× (figures in ms)`);
    console.log(
      `autosave p99 during a verified backup / idle p99 = ${notes.autosave.duringBackupP99OverIdleP99}× (goal: within 2×)\n`,
    );
    const backup = result.backup;
    console.log(`Backup and export of the ${backup.vaultMiB} MiB vault (ms)`);
    console.table({
      'VACUUM INTO, plain SQLite (baseline)': { ms: backup.vacuumIntoPlainMs },
      'VACUUM INTO, encrypted vault': { ms: backup.vacuumIntoEncryptedMs },
      'verified backup (copy, key file, manifest, integrity_check)': { ms: backup.verifiedBackupMs },
      'whole-vault export (JSON + a record PDF per client)': { ms: backup.exportZipMs },
      'import dry run of that export': { ms: backup.importDryRunMs ?? 'refused: a table file over 24 MiB' },
    });
    console.log(
      `VACUUM INTO encrypted / plain = ${backup.vacuumEncryptedOverPlain}×; verified backup / plain VACUUM INTO = ${backup.verifiedBackupOverPlainVacuum}×\n`,
    );
    console.log(JSON.stringify(result));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
