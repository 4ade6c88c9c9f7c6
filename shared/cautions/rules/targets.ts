/** Target groups used by several rules (entry ids and class ids, see substances.ts and medications.ts). */

export const KRATOM = ['kratom', '7-oh'] as const;

/** Antidepressants with serotonergic action named in the reference (§2.1, §2.2, §2.14). */
export const SEROTONERGIC_ANTIDEPRESSANTS = ['ssri', 'snri', 'tca', 'maoi'] as const;

/** Sedating medicines and substances the FDA and NIAAA name with opioids (§2.10, §2.13). */
export const SEDATIVES = ['benzodiazepine', 'z-drug'] as const;
