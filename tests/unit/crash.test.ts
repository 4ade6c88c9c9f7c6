import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  autosaveSummary,
  bundleChildren,
  type Children,
  keysSummary,
  passphraseSummary,
  removeFolder,
  runAutosaveCrash,
  runKeysCrash,
  runPassphraseCrash,
} from '../crash/harness';
import type { KeyOperation } from '../crash/keyOperator';
import { makeTempFolder } from './support/vaultFolder';

/**
 * Crash-proofing: SIGKILL a real writer at random moments and check the vault after
 * every kill (harness and children in tests/crash/). CI-sized by default; the long
 * run is the same test with more kills:
 *   CRASH_KILLS=1000 CRASH_PASSPHRASE_KILLS=100 CRASH_KEY_KILLS=100 npx vitest run tests/unit/crash.test.ts
 * CRASH_SEED replays a run's kill timing (the seed is in the summary line).
 */

const count = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const AUTOSAVE_KILLS = count('CRASH_KILLS', 150);
const PASSPHRASE_KILLS = count('CRASH_PASSPHRASE_KILLS', 16);
/** Per key operation (recovery-key unlock, new recovery key, re-encryption): each kill costs a few scrypt runs. */
const KEY_KILLS = count('CRASH_KEY_KILLS', 6);
const SEED = count('CRASH_SEED', Math.floor(Math.random() * 2 ** 31));

let children: Children;
const folders: string[] = [];

beforeAll(async () => {
  children = await bundleChildren();
  folders.push(children.folder);
});

afterAll(() => {
  for (const folder of folders) removeFolder(folder);
});

describe('crash-proofing under SIGKILL', () => {
  it(
    'autosave: after every kill the vault opens intact, signed notes unchanged, no acknowledged save lost',
    async () => {
      const folder = makeTempFolder('crash-autosave');
      folders.push(folder);
      const report = await runAutosaveCrash({ kills: AUTOSAVE_KILLS, seed: SEED, children, folder });
      console.log(autosaveSummary(report, SEED));
      expect(report.failures).toEqual([]);
      expect(report).toMatchObject({
        kills: AUTOSAVE_KILLS,
        opensOk: AUTOSAVE_KILLS,
        integrityOk: AUTOSAVE_KILLS,
        signedUnchanged: AUTOSAVE_KILLS,
        lostAcknowledged: 0,
      });
      // The run must really have typed and signed, or it proves nothing.
      expect(report.saves).toBeGreaterThan(AUTOSAVE_KILLS);
      expect(report.signedNotes).toBeGreaterThan(0);
      expect(report.passphraseUnlocksOk).toBe(report.passphraseUnlocks);
    },
    AUTOSAVE_KILLS * 2_000 + 30_000,
  );

  it(
    'passphrase change: after every kill the old or the new passphrase opens, the database unchanged',
    async () => {
      const folder = makeTempFolder('crash-passphrase');
      folders.push(folder);
      const report = await runPassphraseCrash({ kills: PASSPHRASE_KILLS, seed: SEED, children, folder });
      console.log(passphraseSummary(report, SEED));
      expect(report.failures).toEqual([]);
      expect(report).toMatchObject({
        kills: PASSPHRASE_KILLS,
        opensOk: PASSPHRASE_KILLS,
        dbUnchanged: PASSPHRASE_KILLS,
      });
      expect(report.changesAcknowledged).toBeGreaterThan(0);
    },
    PASSPHRASE_KILLS * 10_000 + 30_000,
  );

  it.each<{ operation: KeyOperation; what: string }>([
    { operation: 'recoveryUnlock', what: 'recovery-key unlock' },
    { operation: 'newRecoveryKey', what: 'making a new recovery key' },
    { operation: 'reencrypt', what: 're-encryption with a new data key' },
  ])(
    '$what: after every kill exactly one of old/new credentials opens the vault, no record lost',
    async ({ operation }) => {
      const folder = makeTempFolder(`crash-${operation}`);
      folders.push(folder);
      const report = await runKeysCrash({ kills: KEY_KILLS, seed: SEED, children, folder, operation });
      console.log(keysSummary(report, SEED));
      expect(report.failures).toEqual([]);
      expect(report).toMatchObject({
        kills: KEY_KILLS,
        opensOk: KEY_KILLS,
        exactlyOne: KEY_KILLS,
        recordsKept: KEY_KILLS,
      });
      // The child must really have completed operations, or the run proves little.
      expect(report.acknowledged).toBeGreaterThan(0);
    },
    KEY_KILLS * 20_000 + 30_000,
  );
});
