/**
 * Crash-harness child for the key operations of issue 11: repeats one of them through
 * the core until the harness SIGKILLs it.
 *
 * - recoveryUnlock: unlock with the recovery key, setting passphrase a or b in turn, then lock.
 * - newRecoveryKey: unlock with the passphrase, then make new recovery keys in a loop.
 * - reencrypt: unlock with the passphrase, then re-encrypt the vault in a loop.
 *
 * Input (stdin, one JSON object). Output (stdout, synchronous lines): `unlocked`,
 * `start`, `done <label>` where <label> is "a" or "b" (the passphrase now in effect) or
 * "-"; never a passphrase or a key (the harness reads new recovery keys from the vault).
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../electron/core/core';

export type KeyOperation = 'recoveryUnlock' | 'newRecoveryKey' | 'reencrypt';

export type KeyOperatorInput = {
  folder: string;
  operation: KeyOperation;
  current: 'a' | 'b';
  passphrases: { a: string; b: string };
  recoveryKey: string;
};

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function must<T>(envelope: { ok: true; value: T } | { ok: false; code: string }, what: string): T {
  if (!envelope.ok) throw new Error(`${what} failed: ${envelope.code}`);
  return envelope.value;
}

async function main(): Promise<void> {
  const input = JSON.parse(await readStdin()) as KeyOperatorInput;
  const core = createCore({ folder: input.folder });
  let current = input.current;
  if (input.operation === 'recoveryUnlock') {
    say('unlocked');
    for (;;) {
      const next = current === 'a' ? 'b' : 'a';
      say('start');
      must(
        (await core.handle('vault:unlockWithRecoveryKey', {
          recoveryKey: input.recoveryKey,
          newPassphrase: input.passphrases[next],
        })) as never,
        'unlockWithRecoveryKey',
      );
      say(`done ${next}`);
      current = next;
      must((await core.handle('vault:lock', {})) as never, 'lock');
    }
  }
  must((await core.handle('vault:unlock', { passphrase: input.passphrases[current] })) as never, 'unlock');
  say('unlocked');
  const channel = input.operation === 'newRecoveryKey' ? 'vault:newRecoveryKey' : 'vault:reencrypt';
  for (;;) {
    say('start');
    must((await core.handle(channel, { currentPassphrase: input.passphrases[current] })) as never, channel);
    say('done -');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`keyOperator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
