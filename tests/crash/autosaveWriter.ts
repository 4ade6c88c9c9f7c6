/**
 * Crash-harness child: autosaves a draft note as fast as a fast typist, through the
 * same core code the app uses (openVaultDatabase + noteService.saveDraft/signNote),
 * until the harness SIGKILLs it. Bundled by the harness; never run by hand.
 *
 * Input (stdin, one JSON object): the vault folder, the raw data key, the draft's id
 * and the save count to continue from. The data key comes on stdin, never argv or a
 * log: it opens the vault like the recovery key does, which skips the ~350 ms of
 * scrypt a passphrase unlock costs per start (1,000 starts otherwise cost minutes).
 * The key file is not involved here; the passphrase crash test covers it.
 *
 * Output (stdout, one line each, written synchronously so a line is in the pipe
 * before the next step starts): `ready`, `signing`, `signed <id>`, `saving <n>` just
 * before save n's transaction and `saved <n>` after it has returned (committed,
 * synchronous=FULL). The last line before a kill tells where the kill landed.
 */
import { writeSync } from 'node:fs';
import { openVaultDatabase } from '../../electron/core/db/database';
import { createNote, saveDraft, signNote } from '../../electron/core/notes/noteService';
import { vaultPaths } from '../../electron/core/vault/vaultFiles';
import { docAt, FIELD_ID, TEMPLATE_ID } from './typing';

export type WriterInput = {
  folder: string;
  dataKeyHex: string;
  clientId: string;
  draftId: string;
  startN: number;
  /** Type and sign a second note first, so kills also land while signing. */
  signFirst: boolean;
};

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Saves every 10–50 ms: faster than the app's ≤1 s autosave, so more kills land mid-commit. */
const nextDelay = () => 10 + Math.random() * 40;

async function main(): Promise<void> {
  const input = JSON.parse(await readStdin()) as WriterInput;
  const dataKey = Buffer.from(input.dataKeyHex, 'hex');
  const db = await openVaultDatabase(vaultPaths(input.folder).database, dataKey, { create: false });
  dataKey.fill(0);
  say('ready');

  if (input.signFirst) {
    const note = createNote(db, { clientId: input.clientId, templateId: TEMPLATE_ID }, new Date());
    for (let k = 1; k <= 3; k++) saveDraft(db, note.id, { [FIELD_ID]: docAt(k) }, new Date());
    say('signing');
    signNote(db, note.id, new Date());
    say(`signed ${note.id}`);
  }

  let n = input.startN;
  const tick = () => {
    n += 1;
    const doc = docAt(n);
    say(`saving ${n}`);
    saveDraft(db, input.draftId, { [FIELD_ID]: doc }, new Date());
    say(`saved ${n}`);
    setTimeout(tick, nextDelay());
  };
  tick();
}

main().catch((error: unknown) => {
  process.stderr.write(`autosaveWriter: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
