import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/**
 * The strength meter's estimate, from zxcvbn-ts with its dictionaries bundled into the
 * app (no network). Loaded on first use so unlocking never pays for it.
 */
export type Strength = { score: 0 | 1 | 2 | 3 | 4; label: string; hint: string };

export const STRENGTH_LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'] as const;
/** The meter asks for at least "Fair"; the core enforces the minimum length. */
export const MIN_STRENGTH_SCORE = 2;

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
  const result = (await loadEstimator()).check(passphrase.normalize('NFC'), ['sessionkeep', ...userInputs]);
  const hint = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  return { score: result.score, label: STRENGTH_LABELS[result.score], hint };
}
