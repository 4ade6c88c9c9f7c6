import { stat } from 'node:fs/promises';
import Database from 'better-sqlite3-multiple-ciphers';
import { CoreError } from '../coreError';
import { SESSIONKEEP_APPLICATION_ID } from './applicationId';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export type VaultDb = Database.Database;

export type OpenOptions = {
  /** A new, empty vault is being created: the file must not exist yet. */
  create: boolean;
  /** Path of a better_sqlite3.node built for this runtime (Electron); default: Node's. */
  nativeBinding?: string;
  /** What a failed key check means: the key file's key, or a recovery key typed by hand. */
  wrongKeyCode?: 'NOT_A_VAULT' | 'WRONG_RECOVERY_KEY';
};

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Opens the encrypted vault database with the raw 256-bit data key:
 * key → verify with a read → integrity → version → WAL, synchronous=FULL,
 * foreign keys → migrations. Nothing is written until every check has passed, so a
 * wrong key, a foreign or damaged file, or a newer vault leaves the file untouched.
 */
export async function openVaultDatabase(path: string, dataKey: Buffer, options: OpenOptions): Promise<VaultDb> {
  if (!options.create) {
    const size = await stat(path).then(
      (info) => info.size,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') throw new CoreError('DATABASE_MISSING');
        throw error;
      },
    );
    // An empty or torn file would otherwise be opened as a brand-new database.
    if (size === 0 || size % 512 !== 0) throw new CoreError('DATABASE_DAMAGED');
  }

  const db = new Database(path, { fileMustExist: !options.create, nativeBinding: options.nativeBinding });
  try {
    db.pragma("cipher = 'chacha20'");
    // x'…' hands sqlite3mc the key bytes directly: the KDF already ran on the passphrase.
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`);
    verifyReadable(db, options);
    if (!options.create) verifyExistingVault(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Sorts and temp indices stay in memory: temp files are not covered by the cipher.
    db.pragma('temp_store = MEMORY');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function verifyReadable(db: VaultDb, options: OpenOptions): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB') throw new CoreError(options.wrongKeyCode ?? 'NOT_A_VAULT');
    if (code.startsWith('SQLITE_CORRUPT')) throw new CoreError('DATABASE_DAMAGED');
    throw error;
  }
}

function verifyExistingVault(db: VaultDb): void {
  let check: unknown;
  try {
    check = db.pragma('quick_check(1)', { simple: true });
  } catch (error) {
    if (sqliteCode(error).startsWith('SQLITE_CORRUPT')) throw new CoreError('DATABASE_DAMAGED');
    throw error;
  }
  if (check !== 'ok') throw new CoreError('DATABASE_DAMAGED');
  if (db.pragma('application_id', { simple: true }) !== SESSIONKEEP_APPLICATION_ID) {
    throw new CoreError('NOT_A_VAULT');
  }
  // Refused here, not only in migrate(): `journal_mode = WAL` below rewrites the header
  // of a vault that a newer version left in another journal mode.
  if (Number(db.pragma('user_version', { simple: true })) > LATEST_SCHEMA_VERSION) {
    throw new CoreError('VAULT_FROM_NEWER_VERSION');
  }
}
