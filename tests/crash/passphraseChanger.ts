/**
 * Crash-harness child: unlocks the vault through the core (createCore + vault:unlock)
 * and then changes the passphrase back and forth between two passphrases through
 * `vault:changePassphrase`, until the harness SIGKILLs it. Bundled by the harness.
 *
 * Input (stdin, one JSON object): the folder, the passphrase now in effect and the
 * other one. Output (stdout, synchronous lines): `unlocked`, `changing <to>`,
 * `changed <to>`, where <to> is the label "a" or "b", never a passphrase.
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../electron/core/core';

export type ChangerInput = { folder: string; current: 'a' | 'b'; passphrases: { a: string; b: string } };

function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<void> {
  const input = JSON.parse(await readStdin()) as ChangerInput;
  const core = createCore({ folder: input.folder });
  const unlocked = await core.handle('vault:unlock', { passphrase: input.passphrases[input.current] });
  if (!unlocked.ok) throw new Error(`unlock failed: ${unlocked.code}`);
  say('unlocked');
  let current = input.current;
  for (;;) {
    const next = current === 'a' ? 'b' : 'a';
    say(`changing ${next}`);
    const changed = await core.handle('vault:changePassphrase', {
      currentPassphrase: input.passphrases[current],
      newPassphrase: input.passphrases[next],
    });
    if (!changed.ok) throw new Error(`change failed: ${changed.code}`);
    say(`changed ${next}`);
    current = next;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`passphraseChanger: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
