/**
 * Crash harness for "a crash or power loss may cost at most the last second of
 * typing, never a signed note": runs a child process that writes to a real
 * encrypted vault through the core, SIGKILLs it at random moments, and after every
 * kill checks the vault with the normal open path. Plain Node, no Electron.
 *
 * SIGKILL stops the process between any two instructions, including inside a
 * SQLite commit or between a temp file's fsync and its rename; it does not lose
 * what the OS already has (a power cut can, and is out of scope here: it needs a VM
 * or a fault-injecting file system).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';
import { createCore } from '../../electron/core/core';
import { openVaultDatabase } from '../../electron/core/db/database';
import { contentHash } from '../../electron/core/notes/signature';
import { readKeyFile, unwrapDataKey } from '../../electron/core/vault/keyFile';
import { dataKeyForRecoveryKey } from '../../electron/core/vault/recoveryFile';
import { vaultPaths } from '../../electron/core/vault/vaultFiles';
import type { Client } from '../../shared/clients/client';
import { emptyClientInput } from '../../shared/clients/client';
import type { Envelope } from '../../shared/ipc/envelope';
import type { Note } from '../../shared/notes/note';
import { decodeRecoveryKey } from '../../shared/vault/recoveryKey';
import type { WriterInput } from './autosaveWriter';
import type { KeyOperation, KeyOperatorInput } from './keyOperator';
import type { ChangerInput } from './passphraseChanger';
import { docAt, FIELD_ID, TEMPLATE_ID } from './typing';

const REPO = resolve(__dirname, '..', '..');
const PASSPHRASE_A = 'correct horse battery staple';
const PASSPHRASE_B = 'seven purple otters at dawn';

// ---------------------------------------------------------------------------
// Children: bundled with esbuild into a temp folder at start, so the harness runs
// the current source without a build step. The native module stays external and is
// found through NODE_PATH (the bundle does not sit under the repo's node_modules).

export type Children = { folder: string; writer: string; changer: string; keys: string };

export async function bundleChildren(): Promise<Children> {
  const folder = mkdtempSync(join(tmpdir(), 'sessionkeep-crash-bin-'));
  const entries = { writer: 'autosaveWriter', changer: 'passphraseChanger', keys: 'keyOperator' } as const;
  for (const name of Object.values(entries)) {
    await build({
      entryPoints: [join(REPO, 'tests', 'crash', `${name}.ts`)],
      outfile: join(folder, `${name}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3-multiple-ciphers'],
      logLevel: 'warning',
    });
  }
  return {
    folder,
    writer: join(folder, `${entries.writer}.cjs`),
    changer: join(folder, `${entries.changer}.cjs`),
    keys: join(folder, `${entries.keys}.cjs`),
  };
}

/** A running child with its stdout split into lines as they arrive. */
type Run = { child: ChildProcess; exited: Promise<NodeJS.Signals | number | null>; stderr: () => string };

function startChild(script: string, input: unknown, onLine: (line: string) => void): Run {
  const child = spawn(process.execPath, [script], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_PATH: join(REPO, 'node_modules') },
  });
  let pending = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  // The secret travels on stdin only: never in argv (visible to `ps`) or a log.
  child.stdin?.end(JSON.stringify(input));
  // 'close' (not 'exit') waits for stdout to drain: every acknowledged line is read.
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.on('close', (code, signal) => done(signal ?? code)),
  );
  return { child, exited, stderr: () => errors };
}

/** Seeded PRNG (mulberry32) for kill timing: a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Kills the child after `ms` unless something else killed it first (a deliberate
 * fault-injection delay, not a sleep that waits for something to happen) and
 * resolves once it has gone and stdout is drained.
 */
async function killAfter(run: Run, ms: number): Promise<void> {
  const timer = setTimeout(() => run.child.kill('SIGKILL'), ms);
  const how = await run.exited;
  clearTimeout(timer);
  if (how !== 'SIGKILL') throw new Error(`child ended by itself (${String(how)}): ${run.stderr().trim()}`);
}

function expectOk<T>(envelope: Envelope<unknown>, what: string): T {
  if (!envelope.ok) throw new Error(`${what}: ${envelope.code} ${envelope.message}`);
  return envelope.value as T;
}

// ---------------------------------------------------------------------------
// Autosave under SIGKILL.

export type AutosaveOptions = { kills: number; seed: number; children: Children; folder: string };

export type AutosaveReport = {
  kills: number;
  opensOk: number;
  integrityOk: number;
  /** Kills after which every note signed so far was byte-identical to when first seen. */
  signedUnchanged: number;
  signedNotes: number;
  /** Kills after which the draft held less than the writer had acknowledged. */
  lostAcknowledged: number;
  /** Largest acknowledged − found (0 when nothing acknowledged was lost). */
  maxLost: number;
  /** Largest found − acknowledged: saves committed but killed before the ack line. */
  maxAhead: number;
  saves: number;
  /** Kills that landed inside saveDraft (after `saving n`, before `saved n`). */
  midSaveKills: number;
  /** Kills that landed inside signNote. */
  midSignKills: number;
  passphraseUnlocksOk: number;
  passphraseUnlocks: number;
  msPerKill: number;
  failures: string[];
};

type SignedRow = Record<string, unknown> & {
  id: string;
  client_id: string;
  template_id: string;
  template_version: number;
  values_json: string;
  signed_at: string;
  signed_by: string;
  content_hash: string;
};

/** Which save's text the draft holds, searching near the acknowledged count first. */
function saveNumberOf(value: unknown, acknowledged: number, previous: number): number | null {
  if (value === undefined || value === null) return 0;
  for (let n = Math.max(acknowledged, 1); n <= acknowledged + 50; n++) {
    if (isDeepStrictEqual(value, docAt(n))) return n;
  }
  // Not at or after the ack: is it an older save (data loss) or garbage?
  for (let n = Math.max(previous, 1); n < acknowledged; n++) {
    if (isDeepStrictEqual(value, docAt(n))) return n;
  }
  return null;
}

export async function runAutosaveCrash(options: AutosaveOptions): Promise<AutosaveReport> {
  const rand = random(options.seed);
  const { folder } = options;
  const paths = vaultPaths(folder);

  // The vault is created once through the core's front door, exactly as the app does.
  const core = createCore({ folder });
  expectOk<{ recoveryKey: string }>(await core.handle('vault:create', { passphrase: PASSPHRASE_A }), 'vault:create');
  expectOk(await core.handle('settings:update', { therapistName: 'Dr Crash Test' }), 'settings:update');
  const client = expectOk<Client>(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Alice Brown' } }),
    'clients:create',
  );
  const draft = expectOk<Note>(
    await core.handle('notes:create', { clientId: client.id, templateId: TEMPLATE_ID }),
    'notes:create',
  );
  await core.shutdown();
  // The writer and the checks open the database with the data key directly.
  const dataKey = await dataKeyWith(paths.keyFile, PASSPHRASE_A);

  const report: AutosaveReport = {
    kills: 0,
    opensOk: 0,
    integrityOk: 0,
    signedUnchanged: 0,
    signedNotes: 0,
    lostAcknowledged: 0,
    maxLost: 0,
    maxAhead: 0,
    saves: 0,
    midSaveKills: 0,
    midSignKills: 0,
    passphraseUnlocksOk: 0,
    passphraseUnlocks: 0,
    msPerKill: 0,
    failures: [],
  };
  const signed = new Map<string, string>();
  let found = 0;
  const started = performance.now();

  for (let kill = 1; kill <= options.kills; kill++) {
    let acknowledged = found;
    const input: WriterInput = {
      folder,
      dataKeyHex: dataKey.toString('hex'),
      clientId: client.id,
      draftId: draft.id,
      startN: found,
      signFirst: kill === 1 || rand() < 0.1,
    };
    // One kill in ten lands during start-up (opening, WAL recovery, migrations check);
    // the rest within 300 ms of `ready`, while typing (timed from `ready`, so a busy
    // machine's slow start-up does not turn typing kills into start-up kills).
    const duringStartup = rand() < 0.1;
    const delay = rand() * (duringStartup ? 200 : 300);
    let typingKill: ReturnType<typeof setTimeout> | undefined;
    let lastLine = '';
    const run = startChild(options.children.writer, input, (line) => {
      if (line === 'ready' && !duringStartup) typingKill = setTimeout(() => run.child.kill('SIGKILL'), delay);
      const saved = /^saved (\d+)$/.exec(line);
      if (saved) acknowledged = Number(saved[1]);
      lastLine = line;
    });
    try {
      await killAfter(run, duringStartup ? delay : 30_000);
    } catch (error) {
      report.failures.push(`kill ${kill}: ${(error as Error).message}`);
      break;
    } finally {
      clearTimeout(typingKill);
    }
    report.kills += 1;
    if (lastLine.startsWith('saving ')) report.midSaveKills += 1;
    if (lastLine === 'signing') report.midSignKills += 1;

    // After every kill: the normal open path (key check, quick_check, WAL, migrations)…
    let db: Awaited<ReturnType<typeof openVaultDatabase>>;
    try {
      db = await openVaultDatabase(paths.database, dataKey, { create: false });
    } catch (error) {
      report.failures.push(`kill ${kill}: open failed: ${(error as Error).message}`);
      break;
    }
    report.opensOk += 1;
    try {
      // …a full integrity check…
      const integrity = db.pragma('integrity_check', { simple: true });
      if (integrity === 'ok') report.integrityOk += 1;
      else report.failures.push(`kill ${kill}: integrity_check: ${String(integrity)}`);

      // …every signed note byte-identical to when first seen, its hash still its content's…
      let unchanged = true;
      const rows = db.prepare("SELECT * FROM notes WHERE status = 'signed'").all() as SignedRow[];
      const seen = new Set<string>();
      for (const row of rows) {
        seen.add(row.id);
        const bytes = JSON.stringify(row);
        const before = signed.get(row.id);
        if (before === undefined) signed.set(row.id, bytes);
        else if (before !== bytes) unchanged = false;
        const hash = contentHash({
          noteId: row.id,
          clientId: row.client_id,
          templateId: row.template_id,
          templateVersion: row.template_version,
          values: JSON.parse(row.values_json),
          signedAt: row.signed_at,
          signedBy: row.signed_by,
        });
        if (hash !== row.content_hash) unchanged = false;
      }
      if ([...signed.keys()].some((id) => !seen.has(id))) unchanged = false;
      if (unchanged) report.signedUnchanged += 1;
      else report.failures.push(`kill ${kill}: a signed note changed or vanished`);

      // …and the draft holds at least every acknowledged save.
      const row = db.prepare('SELECT status, values_json FROM notes WHERE id = ?').get(draft.id) as
        | { status: string; values_json: string }
        | undefined;
      const value = row ? (JSON.parse(row.values_json) as Record<string, unknown>)[FIELD_ID] : undefined;
      const n = row?.status === 'draft' ? saveNumberOf(value, acknowledged, found) : null;
      if (n === null) {
        report.failures.push(`kill ${kill}: the draft is missing or holds text no save wrote`);
        break;
      }
      if (n < acknowledged) {
        report.lostAcknowledged += 1;
        report.maxLost = Math.max(report.maxLost, acknowledged - n);
        report.failures.push(`kill ${kill}: acknowledged save ${acknowledged}, found ${n}`);
      }
      report.maxAhead = Math.max(report.maxAhead, n - acknowledged);
      found = n;
    } finally {
      db.close();
    }

    // Every 50th kill and the last: the full passphrase unlock the app does at start.
    if (kill % 50 === 0 || kill === options.kills) {
      report.passphraseUnlocks += 1;
      const check = createCore({ folder });
      const unlocked = await check.handle('vault:unlock', { passphrase: PASSPHRASE_A });
      await check.shutdown();
      if (unlocked.ok) report.passphraseUnlocksOk += 1;
      else report.failures.push(`kill ${kill}: passphrase unlock: ${unlocked.code}`);
    }
  }
  dataKey.fill(0);
  report.saves = found;
  report.signedNotes = signed.size;
  report.msPerKill = Math.round((performance.now() - started) / Math.max(report.kills, 1));
  return report;
}

export function autosaveSummary(report: AutosaveReport, seed: number): string {
  const r = report;
  return (
    `crash/autosave: kills=${r.kills} opens_ok=${r.opensOk} integrity_ok=${r.integrityOk} ` +
    `signed_unchanged=${r.signedUnchanged} (signed notes ${r.signedNotes}) lost_acknowledged=${r.lostAcknowledged} ` +
    `max_lost=${r.maxLost} max_ahead=${r.maxAhead} saves=${r.saves} mid_save_kills=${r.midSaveKills} ` +
    `mid_sign_kills=${r.midSignKills} ` +
    `passphrase_unlocks=${r.passphraseUnlocksOk}/${r.passphraseUnlocks} ms_per_kill=${r.msPerKill} seed=${seed}`
  );
}

// ---------------------------------------------------------------------------
// Passphrase change under SIGKILL.

export type PassphraseOptions = { kills: number; seed: number; children: Children; folder: string };

export type PassphraseReport = {
  kills: number;
  /** Kills after which exactly one of the two passphrases opened the vault. */
  opensOk: number;
  openedWithNew: number;
  /** Kills after which every table but the activity log was unchanged, and the log only grew. */
  dbUnchanged: number;
  /** Kills after which status() saw no problem although temp key files lay about. */
  strayIgnored: number;
  maxStrayTempFiles: number;
  changesAcknowledged: number;
  /**
   * Changes in effect after a kill with no `passphrase.changed` row in the activity log:
   * the row is written after the key file, so a kill between the two loses the row.
   * Reported, not failed: the key and the database are fine either way.
   */
  unauditedChanges: number;
  /** Kills after which an acknowledged change had no activity-log row (expected 0). */
  acknowledgedUnlogged: number;
  msPerKill: number;
  failures: string[];
};

const STRAY = /^vault\.key\..+\.tmp$/;

export async function runPassphraseCrash(options: PassphraseOptions): Promise<PassphraseReport> {
  const rand = random(options.seed);
  const { folder } = options;
  const paths = vaultPaths(folder);
  const passphrases = { a: PASSPHRASE_A, b: PASSPHRASE_B };

  const core = createCore({ folder });
  expectOk<{ recoveryKey: string }>(await core.handle('vault:create', { passphrase: passphrases.a }), 'vault:create');
  expectOk(
    await core.handle('clients:create', { client: { ...emptyClientInput, displayName: 'Alice Brown' } }),
    'clients:create',
  );
  await core.shutdown();
  const dataKey = await dataKeyWith(paths.keyFile, passphrases.a);
  // Changing the passphrase rewrites only vault.key. The database file itself changes
  // by design since the activity log (audit_log) records each unlock and change, and
  // vault_meta keeps the key file's fingerprint, so the check is: every other table
  // (and every other vault_meta row) identical, the log only appended to.
  const before = await databaseContent(paths.database, dataKey);
  let auditSoFar = before.audit;

  const report: PassphraseReport = {
    kills: 0,
    opensOk: 0,
    openedWithNew: 0,
    dbUnchanged: 0,
    strayIgnored: 0,
    maxStrayTempFiles: 0,
    changesAcknowledged: 0,
    unauditedChanges: 0,
    acknowledgedUnlogged: 0,
    msPerKill: 0,
    failures: [],
  };
  let current: 'a' | 'b' = 'a';
  const started = performance.now();

  for (let kill = 1; kill <= options.kills; kill++) {
    let acknowledged: 'a' | 'b' = current;
    let acknowledgedNow = 0;
    // Half the kills aim at the key-file write (temp file, fsync, rename, folder fsync,
    // then the activity-log row): it takes a few ms after ~0.7 s of scrypt, so kills at
    // uniform times would almost never land in it. The watcher sees the temp file
    // appear and the kill follows 0–8 ms later.
    const aimAtWrite = kill % 2 === 0;
    // The first kill lands just after a change was acknowledged, so every run proves at
    // least one completed change survives a kill, however slow the machine (scrypt and the
    // strength check can take seconds under load, past the uniform window below).
    const afterFirstChange = kill === 1;
    let aimed: ReturnType<typeof setTimeout> | undefined;
    const watcher = aimAtWrite
      ? watch(folder, (_event, name) => {
          if (aimed === undefined && name && STRAY.test(name)) {
            aimed = setTimeout(() => run.child.kill('SIGKILL'), rand() * 8);
          }
        })
      : undefined;
    const input: ChangerInput = { folder, current, passphrases };
    const run = startChild(options.children.changer, input, (line) => {
      const changed = /^changed ([ab])$/.exec(line);
      if (changed) {
        acknowledged = changed[1] as 'a' | 'b';
        report.changesAcknowledged += 1;
        acknowledgedNow += 1;
        if (afterFirstChange && aimed === undefined) aimed = setTimeout(() => run.child.kill('SIGKILL'), rand() * 300);
      }
    });
    try {
      // Uniform kills: anywhere from start-up through unlock and about two changes.
      await killAfter(run, aimAtWrite || afterFirstChange ? 20_000 : 200 + rand() * 2_500);
    } catch (error) {
      report.failures.push(`kill ${kill}: ${(error as Error).message}`);
      break;
    } finally {
      watcher?.close();
      clearTimeout(aimed);
    }
    report.kills += 1;

    const after = await databaseContent(paths.database, dataKey);
    const appendedOnly =
      after.audit.length >= auditSoFar.length && auditSoFar.every((row, i) => row === after.audit[i]);
    if (after.digest === before.digest && appendedOnly) report.dbUnchanged += 1;
    else report.failures.push(`kill ${kill}: the database changed beyond appending to the activity log`);
    const changesLogged = after.audit
      .slice(auditSoFar.length)
      .filter((row) => (JSON.parse(row) as { action?: unknown }).action === 'passphrase.changed').length;
    auditSoFar = after.audit;

    // Temp files left by a kill between write and rename must never be read as the key.
    const strays = readdirSync(folder).filter((name) => STRAY.test(name));
    report.maxStrayTempFiles = Math.max(report.maxStrayTempFiles, strays.length);
    const check = createCore({ folder });
    try {
      const status = await check.vault.status();
      if (status.problem === null) {
        if (strays.length > 0) report.strayIgnored += 1;
      } else {
        report.failures.push(`kill ${kill}: status problem ${status.problem} (${strays.length} temp files)`);
      }
      await readKeyFile(paths.keyFile);

      // Old or new, never neither: try the last acknowledged passphrase, then the other.
      const other: 'a' | 'b' = acknowledged === 'a' ? 'b' : 'a';
      let opened: 'a' | 'b' | null = null;
      for (const label of [acknowledged, other]) {
        const unlocked = await check.handle('vault:unlock', { passphrase: passphrases[label] });
        if (unlocked.ok) {
          opened = label;
          break;
        }
        if (unlocked.code !== 'WRONG_PASSPHRASE') {
          report.failures.push(`kill ${kill}: unlock ${label}: ${unlocked.code}`);
          break;
        }
      }
      if (opened === null) {
        report.failures.push(`kill ${kill}: neither passphrase opens the vault`);
        break;
      }
      report.opensOk += 1;
      if (opened !== acknowledged) report.openedWithNew += 1;
      if (changesLogged < acknowledgedNow) report.acknowledgedUnlogged += 1;
      if (opened !== acknowledged && changesLogged === acknowledgedNow) report.unauditedChanges += 1;
      current = opened;
    } catch (error) {
      report.failures.push(`kill ${kill}: ${(error as Error).message}`);
      break;
    } finally {
      await check.shutdown();
    }
  }
  dataKey.fill(0);
  report.msPerKill = Math.round((performance.now() - started) / Math.max(report.kills, 1));
  return report;
}

/**
 * The database's content through the normal open path: a digest of every table but
 * the activity log (rows sorted, so it does not depend on page layout), and the
 * activity log's rows in order.
 */
async function databaseContent(
  path: string,
  dataKey: Buffer,
  options: { withoutMeta?: boolean } = {},
): Promise<{ digest: string; audit: string[] }> {
  const db = await openVaultDatabase(path, dataKey, { create: false });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const hash = createHash('sha256');
    let audit: string[] = [];
    for (const table of tables) {
      // Names come from sqlite_master, not from input; quoted as identifiers.
      // The key file's fingerprint (vault_meta) follows the key file by design: it is how
      // a change cut off before its log entry is noticed at the next unlock. The activity
      // log's chain head (audit_head) follows the log's last entry the same way.
      const where = table === 'vault_meta' ? " WHERE key NOT IN ('key_file_fingerprint', 'audit_head')" : '';
      const rows = (
        db
          .prepare(
            `SELECT * FROM "${table.replaceAll('"', '""')}"${where}${table === 'audit_log' ? ' ORDER BY id' : ''}`,
          )
          .all() as unknown[]
      ).map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? String(value) : value,
        ),
      );
      if (table === 'audit_log') audit = rows;
      else if (table === 'vault_meta' && options.withoutMeta) continue;
      else hash.update(`${table}\n${rows.sort().join('\n')}\n`);
    }
    return { digest: hash.digest('hex'), audit };
  } finally {
    db.close();
  }
}

export function passphraseSummary(report: PassphraseReport, seed: number): string {
  const r = report;
  return (
    `crash/passphrase: kills=${r.kills} opens_ok=${r.opensOk} (with the new one ${r.openedWithNew}) ` +
    `db_content_unchanged=${r.dbUnchanged} stray_tmp_ignored=${r.strayIgnored} max_stray_tmp=${r.maxStrayTempFiles} ` +
    `changes_acknowledged=${r.changesAcknowledged} unaudited_changes=${r.unauditedChanges} ` +
    `acknowledged_unlogged=${r.acknowledgedUnlogged} ms_per_kill=${r.msPerKill} seed=${seed}`
  );
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------
// Key operations under SIGKILL (issue 11): recovery-key unlock, a new recovery key,
// re-encryption with a new data key. After every kill: the vault opens with the
// passphrase, exactly one of the old and new credentials opens it (never neither),
// and no record is lost.

export type KeysOptions = { kills: number; seed: number; children: Children; folder: string; operation: KeyOperation };

export type KeysReport = {
  operation: KeyOperation;
  kills: number;
  /** Kills after which the vault opened with a passphrase (the acknowledged one or the other). */
  opensOk: number;
  /** Kills after which exactly one of old/new credentials opened it. */
  exactlyOne: number;
  /** Kills after which the new credentials were the ones in effect. */
  switched: number;
  /** Kills after which every record (all tables but the activity log and vault_meta) was unchanged. */
  recordsKept: number;
  /** Operations the child acknowledged as done. */
  acknowledged: number;
  /** Kills aimed at the moment files were being written (a temp file or the swap journal appeared). */
  aimedKills: number;
  msPerKill: number;
  failures: string[];
};

/** What the harness may look at to aim a kill at the writes of each operation. */
const KEY_WRITES = /^(vault\.(key|recovery)\.\d+\.tmp|vault\.db\.new|vault\.reencrypt(\.\d+\.tmp)?|vault\.key\.new)$/;

export async function runKeysCrash(options: KeysOptions): Promise<KeysReport> {
  const rand = random(options.seed);
  const { folder, operation } = options;
  const paths = vaultPaths(folder);
  const passphrases = { a: PASSPHRASE_A, b: PASSPHRASE_B };

  const core = createCore({ folder });
  const created = expectOk<{ recoveryKey: string }>(
    await core.handle('vault:create', { passphrase: passphrases.a }),
    'vault:create',
  );
  for (const name of ['Alice Brown', 'Bob Green', 'Chen Li']) {
    expectOk(
      await core.handle('clients:create', { client: { ...emptyClientInput, displayName: name } }),
      'clients:create',
    );
  }
  await core.shutdown();
  let current: 'a' | 'b' = 'a';
  let recoveryKey = created.recoveryKey;
  let dataKey = await dataKeyWith(paths.keyFile, passphrases.a);
  const before = await databaseContent(paths.database, dataKey, { withoutMeta: true });

  const report: KeysReport = {
    operation,
    kills: 0,
    opensOk: 0,
    exactlyOne: 0,
    switched: 0,
    recordsKept: 0,
    acknowledged: 0,
    aimedKills: 0,
    msPerKill: 0,
    failures: [],
  };
  const started = performance.now();

  for (let kill = 1; kill <= options.kills; kill++) {
    let acknowledged: 'a' | 'b' = current;
    const keyFileBefore = readFileSync(paths.keyFile);
    // A third of the kills aim at the writes (a temp file or the swap's files appear, the
    // kill follows 0–8 ms later); a third land 0–1.5 s after an operation completed (into
    // the next one); a third anywhere from start-up on.
    const aim = kill % 3 === 0;
    const afterDone = kill % 3 === 1;
    let aimed: ReturnType<typeof setTimeout> | undefined;
    const watcher = aim
      ? watch(folder, (_event, name) => {
          if (aimed === undefined && name && KEY_WRITES.test(name)) {
            report.aimedKills += 1;
            aimed = setTimeout(() => run.child.kill('SIGKILL'), rand() * 8);
          }
        })
      : undefined;
    const input: KeyOperatorInput = { folder, operation, current, passphrases, recoveryKey };
    const run = startChild(options.children.keys, input, (line) => {
      const done = /^done ([ab-])$/.exec(line);
      if (!done) return;
      report.acknowledged += 1;
      if (done[1] === 'a' || done[1] === 'b') acknowledged = done[1];
      if (afterDone && aimed === undefined) aimed = setTimeout(() => run.child.kill('SIGKILL'), rand() * 1_500);
    });
    try {
      await killAfter(run, aim || afterDone ? 30_000 : 200 + rand() * 5_000);
    } catch (error) {
      report.failures.push(`kill ${kill}: ${(error as Error).message}`);
      break;
    } finally {
      watcher?.close();
      clearTimeout(aimed);
    }
    report.kills += 1;

    const check = createCore({ folder });
    try {
      // A new core finishes an interrupted swap (or drops its leftovers) before anything reads the files.
      const status = await check.vault.status();
      if (status.problem !== null) {
        report.failures.push(`kill ${kill}: status problem ${status.problem}`);
        break;
      }
      const other: 'a' | 'b' = acknowledged === 'a' ? 'b' : 'a';
      let opened: 'a' | 'b' | null = null;
      for (const label of [acknowledged, other]) {
        const unlocked = await check.handle('vault:unlock', { passphrase: passphrases[label] });
        if (unlocked.ok) {
          opened = label;
          break;
        }
        if (unlocked.code !== 'WRONG_PASSPHRASE') {
          report.failures.push(`kill ${kill}: unlock ${label}: ${unlocked.code}`);
          break;
        }
      }
      if (opened === null) {
        report.failures.push(`kill ${kill}: no passphrase opens the vault`);
        break;
      }
      report.opensOk += 1;
      const newDataKey = await dataKeyWith(paths.keyFile, passphrases[opened]);
      // The key the therapist would be shown now (pending until confirmed), or the one before.
      const shown = await check.handle('vault:recoveryKey', {});
      const newRecoveryKey = shown.ok ? (shown.value as { recoveryKey: string }).recoveryKey : recoveryKey;
      await check.shutdown();

      // Exactly one of old/new credentials opens the vault, never neither.
      let oldOpens: boolean;
      let newOpens: boolean;
      if (operation === 'recoveryUnlock') {
        oldOpens = opened === current;
        newOpens = opened !== current;
        if (!recoveryOpens(paths, recoveryKey, newDataKey)) {
          report.failures.push(`kill ${kill}: the recovery key no longer opens the vault`);
        }
      } else if (operation === 'newRecoveryKey') {
        oldOpens = recoveryOpens(paths, recoveryKey, newDataKey);
        newOpens = newRecoveryKey !== recoveryKey && recoveryOpens(paths, newRecoveryKey, newDataKey);
      } else {
        const oldDataKey = await dataKeyFrom(keyFileBefore, passphrases[opened]);
        oldOpens = await opensDatabase(paths.database, oldDataKey);
        newOpens = !newDataKey.equals(oldDataKey) && (await opensDatabase(paths.database, newDataKey));
        if (newOpens && recoveryOpens(paths, recoveryKey, newDataKey)) {
          report.failures.push(`kill ${kill}: the old recovery key still opens the re-encrypted vault`);
        }
        if (!recoveryOpens(paths, newRecoveryKey, newDataKey)) {
          report.failures.push(`kill ${kill}: the recovery key shown does not open the vault`);
        }
        oldDataKey.fill(0);
      }
      if (oldOpens !== newOpens) report.exactlyOne += 1;
      else report.failures.push(`kill ${kill}: old opens ${oldOpens}, new opens ${newOpens}`);
      if (newOpens) report.switched += 1;

      const after = await databaseContent(paths.database, newDataKey, { withoutMeta: true });
      if (after.digest === before.digest) report.recordsKept += 1;
      else report.failures.push(`kill ${kill}: a record changed or was lost`);

      current = opened;
      recoveryKey = newRecoveryKey;
      dataKey.fill(0);
      dataKey = newDataKey;
    } catch (error) {
      report.failures.push(`kill ${kill}: ${(error as Error).message}`);
      await check.shutdown();
      break;
    }
  }
  dataKey.fill(0);
  report.msPerKill = Math.round((performance.now() - started) / Math.max(report.kills, 1));
  return report;
}

async function dataKeyWith(keyFile: string, passphrase: string): Promise<Buffer> {
  return unwrapDataKey(await readKeyFile(keyFile), passphrase);
}

async function dataKeyFrom(keyFileBytes: Buffer, passphrase: string): Promise<Buffer> {
  const folder = mkdtempSync(join(tmpdir(), 'sessionkeep-crash-key-'));
  try {
    writeFileSync(join(folder, 'vault.key'), keyFileBytes);
    return await dataKeyWith(join(folder, 'vault.key'), passphrase);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function opensDatabase(path: string, dataKey: Buffer): Promise<boolean> {
  try {
    (await openVaultDatabase(path, dataKey, { create: false })).close();
    return true;
  } catch {
    return false;
  }
}

/** Whether a recovery key yields the vault's data key (through vault.recovery, or as the key itself). */
function recoveryOpens(paths: ReturnType<typeof vaultPaths>, recoveryKey: string, dataKey: Buffer): boolean {
  const decoded = decodeRecoveryKey(recoveryKey);
  if (!decoded.ok) return false;
  try {
    return dataKeyForRecoveryKey(paths.recoveryFile, decoded.key).dataKey.equals(dataKey);
  } catch {
    return false;
  }
}

export function keysSummary(report: KeysReport, seed: number): string {
  const r = report;
  return (
    `crash/${r.operation}: kills=${r.kills} opens_ok=${r.opensOk} exactly_one=${r.exactlyOne} ` +
    `switched=${r.switched} records_kept=${r.recordsKept} acknowledged=${r.acknowledged} ` +
    `aimed_kills=${r.aimedKills} ms_per_kill=${r.msPerKill} seed=${seed}`
  );
}
