/**
 * Passphrase rules shared by the renderer (live feedback) and the core (enforcement).
 * A passphrase is normalised to NFC so the same words typed on another keyboard or
 * OS (which may compose accents differently) still open the vault. No maximum length.
 */
export const MIN_PASSPHRASE_LENGTH = 12;

export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Length in characters as a person counts them (code points, after NFC). */
export function passphraseLength(passphrase: string): number {
  return [...normalizePassphrase(passphrase)].length;
}

export function passphraseProblem(passphrase: string): string | null {
  const length = passphraseLength(passphrase);
  if (length < MIN_PASSPHRASE_LENGTH) {
    return `Use at least ${MIN_PASSPHRASE_LENGTH} characters (this one has ${length}). A few unrelated words work well.`;
  }
  if (normalizePassphrase(passphrase).trim().length === 0) return 'A passphrase cannot be only spaces.';
  return null;
}
