import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute } from 'node:path';
import { CoreError } from '../coreError';

/**
 * The files the USER chose, in the system's own dialogs (Electron) or the browser's file
 * chooser and downloads (web harness), kept on the core's side of the process boundary
 * (issue 13). The adapter registers a chosen path and gets an opaque random token; the
 * window only ever holds the token and a display name (the file name alone), so a
 * compromised page cannot name a place to write to or read from.
 *
 * - An export target is single use: taken when the export starts, never again.
 * - An import source may be used by the dry run (import:plan, again with another
 *   passphrase) and then by import:apply; a successful import:apply ends it.
 * - A backup folder (where backups go) ends when settings:setBackupFolder saves it; a
 *   folder to restore from serves backup:list, and the backups' paths it lists.
 * - Every token ends after TOKEN_LIFETIME_MS, and all of them at the vault's lock.
 */

export type ChosenKind = 'export-target' | 'import-source' | 'backup-folder' | 'restore-folder';

/** How long a choice stays good: long enough to type a passphrase and read a dry run. */
export const TOKEN_LIFETIME_MS = 30 * 60 * 1000;

/**
 * `encrypted`: for an export target, whether the save dialog was for a sealed export.
 * `replace`: for an export target, the system's save dialog already asked the user
 * whether to replace a file of that name (never set by the web harness).
 */
export type ChosenFile = {
  path: string;
  displayName: string;
  encrypted?: boolean | undefined;
  replace?: boolean | undefined;
};

type Entry = ChosenFile & {
  kind: ChosenKind;
  expiresAt: number;
  /** The adapter's clean-up when the choice ends (the web harness removes its temp file). */
  onForget?: (() => void) | undefined;
};

const kindWords: Record<ChosenKind, { what: string; thing: string }> = {
  'export-target': { what: 'a place to save an export', thing: 'file' },
  'import-source': { what: 'a file to import', thing: 'file' },
  'backup-folder': { what: 'a folder for backups', thing: 'folder' },
  'restore-folder': { what: 'a folder to restore from', thing: 'folder' },
};

export class ChosenFiles {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Keeps a path the user chose and answers its token. Only adapters call this, with a
   * path that came from a dialog, never from the page.
   */
  register(
    kind: ChosenKind,
    path: string,
    options: { displayName?: string; encrypted?: boolean; replace?: boolean; onForget?: () => void } = {},
  ): { token: string; displayName: string } {
    if (!isAbsolute(path)) throw new Error('ChosenFiles.register: the chosen path must be absolute');
    this.sweep();
    const token = randomBytes(32).toString('base64url');
    const displayName = options.displayName ?? basename(path);
    this.entries.set(token, {
      kind,
      path,
      displayName,
      encrypted: options.encrypted,
      replace: options.replace,
      expiresAt: this.now() + TOKEN_LIFETIME_MS,
      onForget: options.onForget,
    });
    return { token, displayName };
  }

  /**
   * The chosen file behind a token, for a handler that accepts only `kind`. An unknown,
   * expired, used or wrong-kind token is refused in plain words (INVALID_REQUEST),
   * before anything is read or written. `once` ends the choice as it is resolved.
   */
  resolve(kind: ChosenKind, token: string, field: string, { once = false } = {}): ChosenFile {
    this.sweep();
    const entry = this.entries.get(token);
    if (!entry) {
      throw new CoreError(
        'INVALID_REQUEST',
        `That choice of ${kindWords[kind].what} is no longer valid (it was used, it is too old, or the vault was locked). Choose the ${kindWords[kind].thing} again. Nothing was read or written.`,
        { field },
      );
    }
    if (entry.kind !== kind) {
      throw new CoreError(
        'INVALID_REQUEST',
        `That choice was not ${kindWords[kind].what}. Choose the ${kindWords[kind].thing} again. Nothing was read or written.`,
        { field },
      );
    }
    if (once) this.forget(token);
    return { path: entry.path, displayName: entry.displayName, encrypted: entry.encrypted, replace: entry.replace };
  }

  /** The paths of every live choice of `kind` (the folders a restore may read backups from). */
  pathsOf(kind: ChosenKind): string[] {
    this.sweep();
    return [...this.entries.values()].filter((entry) => entry.kind === kind).map((entry) => entry.path);
  }

  /** Ends one choice (a finished import, a used export target). */
  forget(token: string): void {
    const entry = this.entries.get(token);
    if (!entry) return;
    this.entries.delete(token);
    runQuietly(entry.onForget);
  }

  /** Ends every choice: at the vault's lock and at shutdown. */
  forgetAll(): void {
    for (const token of [...this.entries.keys()]) this.forget(token);
  }

  /** How many choices are held (for tests and the harness's clean-up). */
  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.forget(token);
  }
}

/**
 * How a chosen folder is shown: its own name and the one around it ("Sessionkeep, in
 * Backup drive"), enough to recognise it; the page shows it and never sends it back.
 */
export function folderDisplayName(path: string): string {
  const name = basename(path);
  if (!name) return path;
  const around = basename(dirname(path));
  return around ? `${name}, in ${around}` : name;
}

function runQuietly(cleanUp: (() => void) | undefined): void {
  try {
    cleanUp?.();
  } catch (error) {
    // A clean-up that fails (a temp file already gone) never fails the request.
    console.error(`ChosenFiles: clean-up failed (${(error as Error)?.name ?? 'unknown'})`);
  }
}

/**
 * A refusal's words with the chosen file named as the page knows it: the file by its
 * display name and its folder by the folder's own name, never the full path (issue 13).
 */
export function toldByName(message: string, chosen: ChosenFile): string {
  const folder = dirname(chosen.path);
  return message.replaceAll(chosen.path, chosen.displayName).replaceAll(folder, basename(folder) || folder);
}
