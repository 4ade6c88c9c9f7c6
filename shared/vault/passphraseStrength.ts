import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { normalizePassphrase, passphraseProblem } from './passphrase';

/**
 * How guessable a passphrase is, from zxcvbn-ts with its dictionaries bundled (no
 * network). One estimator and one minimum for the screen's meter and the core's
 * refusal, so the two never disagree. Loaded on first use: unlocking never pays for it.
 */
export type Strength = { score: 0 | 1 | 2 | 3 | 4; label: string; hint: string };

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
/** At least "Fair": a repeated letter, a keyboard row or a dictionary word scores below. */
export const MIN_STRENGTH_SCORE = 2;
/** Words that make a passphrase easier to guess here, whatever the dictionaries say. */
const APP_WORDS = ['sessionkeep'];

let estimator: Promise<ZxcvbnFactory> | null = null;

function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      }),
  );
  return estimator;
}

export async function estimateStrength(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  const result = (await loadEstimator()).check(normalizePassphrase(passphrase), [...APP_WORDS, ...userInputs]);
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return { score: result.score, label: STRENGTH_LABELS[result.score], hint };
}

export type PassphraseRefusal = { kind: 'tooShort' | 'tooWeak'; message: string };

/** Why a new passphrase is refused (length first, then guessability), or null when it is fine. */
export async function newPassphraseRefusal(passphrase: string): Promise<PassphraseRefusal | null> {
  const rule = passphraseProblem(passphrase);
  if (rule) return { kind: 'tooShort', message: rule };
  const strength = await estimateStrength(passphrase);
  if (strength.score >= MIN_STRENGTH_SCORE) return null;
  return { kind: 'tooWeak', message: `That passphrase is too easy to guess. ${strength.hint}`.trim() };
}
