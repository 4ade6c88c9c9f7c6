/**
 * The strength meter uses the same estimator and minimum as the core's refusal
 * (shared/vault/passphraseStrength.ts), loaded on first use.
 */
export {
  estimateStrength,
  MIN_STRENGTH_SCORE,
  STRENGTH_LABELS,
  type Strength,
} from '../../shared/vault/passphraseStrength';
