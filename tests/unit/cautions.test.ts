/**
 * Substance and medication cautions (shared/cautions): the engine against the facts it
 * rests on. Every row cites the section of ../shared/reference/clinical-facts.md whose
 * fact it checks. Pair rows are also run with the names in reverse order.
 */
import { describe, expect, it } from 'vitest';
import {
  type Caution,
  evaluateIntake,
  foldName,
  type IntakeContext,
  type IntakeInput,
  knowledgeBase,
  type Rule,
  resolveName,
  type Severity,
  UNKNOWN_NAME_CAUTION_ID,
} from '../../shared/cautions/index';

type Expected = { id: string; severity: Severity; involves?: string[] };

type Row = {
  /** The section of clinical-facts.md the row checks. */
  fact: string;
  what: string;
  substances?: string[];
  medications?: string[];
  context?: IntakeContext;
  expect?: Expected[];
  /** Rule ids that must not fire. */
  absent?: string[];
  /** No caution may be 'serious'. */
  noSerious?: boolean;
  /** The exact set of ids, when the row pins it. */
  exactly?: string[];
};

function intake(row: Pick<Row, 'substances' | 'medications' | 'context'>): IntakeInput {
  return {
    substances: (row.substances ?? []).map((name) => ({ name })),
    medications: (row.medications ?? []).map((name) => ({ name })),
    ...(row.context === undefined ? {} : { context: row.context }),
  };
}

function byId(cautions: Caution[], id: string): Caution | undefined {
  return cautions.find((caution) => caution.id === id);
}

const rows: Row[] = [
  // Single substances and medications
  {
    fact: '§1.2',
    what: 'kratom alone: dependence, liver, reported harms (caution, not serious)',
    substances: ['kratom'],
    expect: [
      { id: 'kratom-dependence-withdrawal', severity: 'caution', involves: ['kratom'] },
      { id: 'kratom-liver', severity: 'caution' },
      { id: 'kratom-serious-outcomes', severity: 'caution' },
    ],
    noSerious: true,
  },
  {
    fact: '§1.4',
    what: 'kratom alone: product contamination and 7-OH products (info)',
    substances: ['Kratom'],
    expect: [{ id: 'kratom-product-quality', severity: 'info', involves: ['Kratom'] }],
  },
  {
    fact: '§1.5',
    what: 'kratom alone: legal status varies (info)',
    substances: ['kratom'],
    expect: [{ id: 'kratom-legal-status', severity: 'info' }],
  },
  {
    fact: '§1.6',
    what: 'kratom alone: no approved use for depression (info)',
    substances: ['kratom'],
    expect: [{ id: 'kratom-depression-evidence', severity: 'info' }],
  },
  {
    fact: '§1.1',
    what: '7-OH: concentrated opioid exposure is serious, and kratom cautions apply too',
    substances: ['7-OH'],
    expect: [
      { id: '7-oh-concentrated', severity: 'serious', involves: ['7-OH'] },
      { id: 'kratom-dependence-withdrawal', severity: 'caution', involves: ['7-OH'] },
    ],
  },
  {
    fact: '§2.4',
    what: 'kava alone: severe liver injury',
    substances: ['kava kava'],
    expect: [{ id: 'kava-liver', severity: 'serious', involves: ['kava kava'] }],
  },
  {
    fact: '§2.7',
    what: 'phenibut alone: coma, respiratory depression, withdrawal',
    substances: ['Phenibut'],
    expect: [{ id: 'phenibut', severity: 'serious' }],
  },
  {
    fact: '§2.8',
    what: 'tianeptine by brand name (Stablon)',
    substances: ['Stablon'],
    expect: [{ id: 'tianeptine', severity: 'serious', involves: ['Stablon'] }],
  },
  {
    fact: '§2.13',
    what: 'a benzodiazepine by brand name (Xanax): boxed warning on dependence and withdrawal',
    medications: ['Xanax'],
    expect: [{ id: 'benzodiazepine-dependence', severity: 'serious', involves: ['Xanax'] }],
  },
  {
    fact: '§2.6',
    what: 'melatonin alone: product content (info), nothing serious',
    substances: ['melatonin'],
    exactly: ['melatonin-product-content'],
    noSerious: true,
  },
  {
    fact: '§2.5',
    what: 'valerian alone',
    substances: ['Valerian root'],
    expect: [{ id: 'valerian-liver-withdrawal', severity: 'caution' }],
    noSerious: true,
  },
  {
    fact: '§2.14',
    what: 'an MAOI by brand name (Nardil) alone: tyramine and decongestants',
    medications: ['Nardil'],
    exactly: ['maoi-diet-decongestants'],
  },
  {
    fact: '§2.14',
    what: 'bupropion by brand name (Wellbutrin): seizure threshold, hedged',
    medications: ['Wellbutrin XL'],
    exactly: ['bupropion-seizure-threshold'],
    noSerious: true,
  },
  {
    fact: '§2.9',
    what: 'CBD alone: liver enzymes and sedation',
    substances: ['CBD oil'],
    expect: [{ id: 'cbd-liver-sedation', severity: 'caution' }],
  },
  {
    fact: '§2.1',
    what: "St John's Wort alone: enzyme induction",
    substances: ['St. John’s Wort'],
    exactly: ['st-johns-wort-inducer'],
  },

  // Kratom pairs (§1.3)
  {
    fact: '§1.3, §2.13',
    what: 'kratom with an opioid (substance × medication)',
    substances: ['kratom'],
    medications: ['OxyContin'],
    expect: [{ id: 'kratom-opioids', severity: 'serious', involves: ['kratom', 'OxyContin'] }],
  },
  {
    fact: '§1.3, §2.13',
    what: 'ketum (alias) with Xanax (brand): CNS depressants',
    substances: ['ketum'],
    medications: ['Xanax'],
    expect: [
      { id: 'kratom-cns-depressants', severity: 'serious', involves: ['ketum', 'Xanax'] },
      { id: 'benzodiazepine-dependence', severity: 'serious', involves: ['Xanax'] },
    ],
  },
  {
    fact: '§1.3, §2.10',
    what: 'kratum (misspelling) with alcohol (substance × substance)',
    substances: ['kratum', 'beer'],
    expect: [{ id: 'kratom-cns-depressants', severity: 'serious', involves: ['kratum', 'beer'] }],
  },
  {
    fact: '§1.3',
    what: 'kratom with naltrexone (Vivitrol): precipitated withdrawal',
    substances: ['biak'],
    medications: ['Vivitrol'],
    expect: [{ id: 'kratom-naltrexone', severity: 'serious', involves: ['biak', 'Vivitrol'] }],
  },
  {
    fact: '§1.3',
    what: 'kratom with Zoloft: serotonergic concern is unconfirmed, so caution, not serious',
    substances: ['thang'],
    medications: ['Zoloft'],
    expect: [{ id: 'kratom-serotonergic', severity: 'caution', involves: ['thang', 'Zoloft'] }],
    noSerious: true,
  },
  {
    fact: '§1.3',
    what: '7-hydroxymitragynine with lorazepam',
    substances: ['7-hydroxymitragynine'],
    medications: ['lorazepam'],
    expect: [{ id: 'kratom-cns-depressants', severity: 'serious' }],
  },

  // St John's Wort (§2.1)
  {
    fact: '§2.1',
    what: '"st johns wort" with sertraline: serotonergic',
    substances: ['st johns wort'],
    medications: ['sertraline'],
    expect: [{ id: 'st-johns-wort-serotonergic', severity: 'serious', involves: ['st johns wort', 'sertraline'] }],
  },
  {
    fact: '§2.1',
    what: '"St. John’s Wort" (curly apostrophe) with an oral contraceptive brand',
    substances: ['St. John’s Wort'],
    medications: ['Microgynon'],
    expect: [{ id: 'st-johns-wort-contraceptives', severity: 'serious', involves: ['St. John’s Wort', 'Microgynon'] }],
  },
  {
    fact: '§2.1',
    what: 'hypericum with warfarin',
    substances: ['hypericum'],
    medications: ['warfarin'],
    expect: [{ id: 'st-johns-wort-anticoagulants', severity: 'caution' }],
  },
  {
    fact: '§2.1',
    what: "St John's Wort with ciclosporin (contraindicated)",
    substances: ["St John's Wort"],
    medications: ['Neoral'],
    expect: [{ id: 'st-johns-wort-contraindicated', severity: 'serious' }],
  },
  {
    fact: '§2.1',
    what: "St John's Wort with a triptan (Imitrex)",
    substances: ['SJW'],
    medications: ['Imitrex'],
    expect: [{ id: 'st-johns-wort-serotonergic', severity: 'serious' }],
  },
  {
    fact: '§2.1',
    what: "St John's Wort with digoxin",
    substances: ['hypericum perforatum'],
    medications: ['Lanoxin'],
    expect: [{ id: 'st-johns-wort-narrow-index', severity: 'caution' }],
  },

  // 5-HTP, SAMe (§2.2, §2.3)
  {
    fact: '§2.2',
    what: '5-HTP with Prozac',
    substances: ['5-HTP'],
    medications: ['Prozac'],
    expect: [{ id: '5-htp-serotonergic', severity: 'serious', involves: ['5-HTP', 'Prozac'] }],
  },
  {
    fact: '§2.3',
    what: 'SAMe with Lexapro: serotonin syndrome unconfirmed, caution only',
    substances: ['SAM-e'],
    medications: ['Lexapro'],
    expect: [{ id: 'same-serotonergic', severity: 'caution' }],
    noSerious: true,
  },

  // Medication × medication
  {
    fact: '§2.14',
    what: 'phenelzine with sertraline (medication × medication)',
    medications: ['phenelzine', 'sertraline'],
    expect: [{ id: 'maoi-serotonergic', severity: 'serious', involves: ['phenelzine', 'sertraline'] }],
  },
  {
    fact: '§2.14',
    what: 'Nardil with Sudafed: hypertensive reaction',
    medications: ['Nardil', 'Sudafed'],
    expect: [{ id: 'maoi-hypertensive', severity: 'serious' }],
  },
  {
    fact: '§2.14',
    what: 'Parnate with aged cheese',
    substances: ['aged cheese'],
    medications: ['Parnate'],
    expect: [{ id: 'maoi-hypertensive', severity: 'serious', involves: ['aged cheese', 'Parnate'] }],
  },
  {
    fact: '§2.13',
    what: 'OxyContin with Xanax (two brand names)',
    medications: ['OxyContin', 'Xanax'],
    expect: [{ id: 'opioids-sedatives', severity: 'serious', involves: ['OxyContin', 'Xanax'] }],
  },
  {
    fact: '§2.13',
    what: 'tramadol with Zoloft: serotonin syndrome',
    medications: ['tramadol', 'Zoloft'],
    expect: [{ id: 'opioids-serotonergic', severity: 'serious' }],
  },
  {
    fact: '§2.13',
    what: 'tramadol alone does not pair with itself',
    medications: ['tramadol'],
    exactly: [],
  },
  {
    fact: '§2.10',
    what: 'alcohol with Ambien',
    substances: ['alcohol'],
    medications: ['Ambien'],
    expect: [{ id: 'alcohol-sedatives', severity: 'serious', involves: ['alcohol', 'Ambien'] }],
  },
  {
    fact: '§2.10',
    what: 'heroin with naltrexone: precipitated withdrawal',
    substances: ['heroin'],
    medications: ['naltrexone'],
    expect: [{ id: 'opioids-naltrexone', severity: 'serious' }],
  },
  {
    fact: '§2.14',
    what: 'bupropion with phenelzine',
    medications: ['bupropion', 'phenelzine'],
    expect: [{ id: 'bupropion-maoi', severity: 'serious' }],
  },
  {
    fact: '§2.10',
    what: 'Wellbutrin with alcohol: seizure risk, hedged caution',
    substances: ['wine'],
    medications: ['Wellbutrin'],
    expect: [{ id: 'bupropion-withdrawal-seizures', severity: 'caution' }],
    noSerious: true,
  },
  {
    fact: '§2.11',
    what: 'Luvox with coffee',
    substances: ['coffee'],
    medications: ['Luvox'],
    exactly: ['fluvoxamine-caffeine'],
    noSerious: true,
  },
  {
    fact: '§2.6',
    what: 'fluvoxamine with melatonin',
    substances: ['melatonin'],
    medications: ['fluvoxamine'],
    expect: [{ id: 'fluvoxamine-melatonin', severity: 'caution' }],
    noSerious: true,
  },
  {
    fact: '§2.11',
    what: 'caffeine with sertraline: no caution at all',
    substances: ['caffeine'],
    medications: ['sertraline'],
    exactly: [],
  },
  {
    fact: '§2.11',
    what: 'caffeine with lithium',
    substances: ['caffeine'],
    medications: ['Priadel'],
    exactly: ['caffeine-lithium'],
  },
  {
    fact: '§2.12',
    what: 'cigarettes with Clozaril',
    substances: ['cigarettes'],
    medications: ['Clozaril'],
    expect: [{ id: 'smoking-clozapine-olanzapine', severity: 'caution' }],
  },
  {
    fact: '§2.12',
    what: 'e-cigarette with clozapine: no smoking caution (NRT and vapes do not affect levels)',
    substances: ['vape'],
    medications: ['clozapine'],
    exactly: [],
  },
  {
    fact: '§2.9',
    what: 'cannabis with olanzapine (smoke induces CYP1A2)',
    substances: ['weed'],
    medications: ['Zyprexa'],
    expect: [{ id: 'smoking-clozapine-olanzapine', severity: 'caution' }],
  },
  {
    fact: '§2.4',
    what: 'kava with alcohol: liver, and unconfirmed added sedation',
    substances: ['kava', 'alcohol'],
    expect: [
      { id: 'kava-alcohol-liver', severity: 'caution' },
      { id: 'kava-sedatives', severity: 'caution' },
    ],
  },
  {
    fact: '§2.7',
    what: 'phenibut with alcohol: expert opinion only, caution',
    substances: ['phenibut', 'vodka'],
    expect: [{ id: 'phenibut-depressants', severity: 'caution' }],
  },
  {
    fact: '§2.9',
    what: 'CBD with clobazam',
    substances: ['cannabidiol'],
    medications: ['clobazam'],
    expect: [{ id: 'cannabinoids-psychotropics', severity: 'caution' }],
  },

  // Context
  {
    fact: '§1.2',
    what: 'pregnant, using kratom: neonatal withdrawal reported',
    substances: ['kratom'],
    context: { pregnant: true },
    expect: [{ id: 'pregnancy-kratom', severity: 'caution', involves: ['kratom'] }],
  },
  {
    fact: '§1.2',
    what: 'not pregnant: no pregnancy caution',
    substances: ['kratom'],
    context: { pregnant: false },
    absent: ['pregnancy-kratom'],
  },
  {
    fact: '§2.3',
    what: 'bipolar disorder with SAMe',
    substances: ['S-adenosyl-L-methionine'],
    context: { bipolar: true },
    expect: [{ id: 'bipolar-same', severity: 'serious' }],
  },
  {
    fact: '§2.14',
    what: 'seizure history with bupropion',
    medications: ['Zyban'],
    context: { seizureHistory: true },
    expect: [{ id: 'seizure-history-bupropion', severity: 'serious', involves: ['Zyban'] }],
  },
  {
    fact: '§1.2, §2.8',
    what: 'seizure history with kratom',
    substances: ['kratom'],
    context: { seizureHistory: true },
    expect: [{ id: 'seizure-history-substances', severity: 'caution' }],
  },
  {
    fact: '§2.4',
    what: 'liver disease with kava',
    substances: ['kava'],
    context: { liverDisease: true },
    expect: [{ id: 'liver-disease-hepatotoxic', severity: 'caution' }],
  },
  {
    fact: '§1.5',
    what: 'breastfeeding: the reference holds no clinical fact, so no condition caution',
    substances: ['melatonin'],
    context: { breastfeeding: true },
    exactly: ['melatonin-product-content'],
  },
];

function idsOf(cautions: Caution[]): string[] {
  return cautions.map((caution) => caution.id).sort();
}

describe('evaluateIntake: scenarios from clinical-facts.md', () => {
  it('has at least 40 scenarios', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows)('$fact $what', (row) => {
    const cautions = evaluateIntake(intake(row));
    for (const expected of row.expect ?? []) {
      const found = byId(cautions, expected.id);
      expect(found, `${expected.id} fires`).toBeDefined();
      expect(found?.severity).toBe(expected.severity);
      if (expected.involves !== undefined) expect(found?.involves).toEqual(expected.involves);
    }
    for (const id of row.absent ?? []) expect(byId(cautions, id)).toBeUndefined();
    if (row.noSerious === true) expect(cautions.filter((c) => c.severity === 'serious')).toEqual([]);
    if (row.exactly !== undefined) expect(idsOf(cautions)).toEqual([...row.exactly].sort());
  });

  it.each(rows.filter((row) => (row.substances ?? []).length + (row.medications ?? []).length > 1))(
    '$fact $what, names in reverse order',
    (row) => {
      const forward = evaluateIntake(intake(row));
      const reversed = evaluateIntake(
        intake({
          substances: [...(row.medications ?? [])].reverse(),
          medications: [...(row.substances ?? [])].reverse(),
          ...(row.context === undefined ? {} : { context: row.context }),
        }),
      );
      expect(idsOf(reversed)).toEqual(idsOf(forward));
      for (const caution of forward) {
        expect([...(byId(reversed, caution.id)?.involves ?? [])].sort()).toEqual([...caution.involves].sort());
      }
    },
  );
});

describe('resolveName: aliases, brands, street names and misspellings', () => {
  const names: [given: string, id: string, klass: string | null][] = [
    ['kratom', 'kratom', null], // §1
    ['KRATOM', 'kratom', null],
    ['kratum', 'kratom', null],
    ['ketum', 'kratom', null],
    ['biak', 'kratom', null],
    ['thang', 'kratom', null],
    ['Mitragyna speciosa', 'kratom', null],
    ['7-OH', '7-oh', null], // §1.1
    ['7oh', '7-oh', null],
    ['7-hydroxymitragynine', '7-oh', null],
    ["St John's Wort", 'st-johns-wort', null], // §2.1
    ["St. John's wort", 'st-johns-wort', null],
    ['St. John’s Wort', 'st-johns-wort', null],
    ['st johns wort', 'st-johns-wort', null],
    ['hypericum', 'st-johns-wort', null],
    ['Zoloft', 'sertraline', 'ssri'], // §2.14 classes
    ['sertraline 50 mg', 'sertraline', 'ssri'],
    ['Sertraline (Zoloft)', 'sertraline', 'ssri'],
    ['Xanax', 'alprazolam', 'benzodiazepine'],
    ['Nardil', 'phenelzine', 'maoi'],
    ['Cymbalta', 'duloxetine', 'snri'],
    ['Elavil', 'amitriptyline', 'tca'],
    ['Ultram', 'tramadol', 'opioid'],
    ['Ambien', 'zolpidem', 'z-drug'],
    ['Revia', 'naltrexone', 'opioid-antagonist'],
    ['Coumadin', 'warfarin', 'vitamin-k-antagonist'],
    ['the pill', 'combined-oral-contraceptive', 'oral-contraceptive'],
    ['Cerazette', 'progestogen-only-pill', 'oral-contraceptive'],
    ['Zyprexa', 'olanzapine', 'antipsychotic-cyp1a2'],
    ['Imigran', 'sumatriptan', 'triptan'],
    ['Lithobid', 'lithium', 'mood-stabiliser'],
    ['β-phenyl-GABA', 'phenibut', null],
    ['Mélatonine', 'melatonin', null],
    ['5HTP', '5-htp', null],
  ];

  it.each(names)('%s → %s', (given, id, klass) => {
    const resolved = resolveName(given);
    expect(resolved?.id).toBe(id);
    if (klass !== null) expect(resolved?.classes.map((c) => c.id)).toContain(klass);
  });

  it('returns null for a name it does not know', () => {
    expect(resolveName('Blorpazine')).toBeNull();
    expect(resolveName('')).toBeNull();
  });

  it('folds case, accents, spaces and punctuation', () => {
    expect(foldName('  St. John’s  Wort ')).toBe('stjohnswort');
    expect(foldName('7-OH')).toBe('7oh');
  });
});

describe('evaluateIntake: behaviour', () => {
  it('gives an info caution, involving the exact names, for names it does not recognise', () => {
    const cautions = evaluateIntake(intake({ substances: ['Blorpazine', 'kratom'], medications: ['xyz-Herb 2'] }));
    const unknown = byId(cautions, UNKNOWN_NAME_CAUTION_ID);
    expect(unknown?.severity).toBe('info');
    expect(unknown?.involves).toEqual(['Blorpazine', 'xyz-Herb 2']);
    expect(unknown?.summary).toMatch(/not a sign of low risk/);
  });

  it('keeps the spelling the intake used in involves, and lists a repeated name once', () => {
    const cautions = evaluateIntake(intake({ substances: [' KraTum ', 'Ketum'], medications: ['XANAX', 'XANAX'] }));
    expect(byId(cautions, 'kratom-cns-depressants')?.involves).toEqual([' KraTum ', 'Ketum', 'XANAX']);
  });

  it('never lists the same rule twice', () => {
    const cautions = evaluateIntake(
      intake({ substances: ['kratom', 'ketum', '7-OH', 'alcohol'], medications: ['Xanax', 'Valium', 'OxyContin'] }),
    );
    const ids = cautions.map((caution) => caution.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts by severity (serious, caution, info), then title', () => {
    const cautions = evaluateIntake(
      intake({ substances: ['kratom', 'coffee', 'Blorpazine', 'melatonin'], medications: ['Xanax', 'Luvox'] }),
    );
    const rank = { serious: 0, caution: 1, info: 2 } as const;
    for (let i = 1; i < cautions.length; i++) {
      const before = cautions[i - 1] as Caution;
      const after = cautions[i] as Caution;
      expect(rank[before.severity]).toBeLessThanOrEqual(rank[after.severity]);
      if (before.severity === after.severity) expect(before.title < after.title).toBe(true);
    }
    expect(cautions[0]?.severity).toBe('serious');
    expect(cautions.at(-1)?.severity).toBe('info');
  });

  it('is deterministic: the same input twice gives deep-equal output, and results are not shared', () => {
    const input = intake({
      substances: ['kratom', 'St. John’s Wort', 'Blorpazine'],
      medications: ['Zoloft', 'tramadol'],
      context: { pregnant: true, bipolar: true },
    });
    const first = evaluateIntake(input);
    first[0]?.involves.push('mutated');
    first[0]?.sources.splice(0);
    const second = evaluateIntake(input);
    expect(second).toEqual(evaluateIntake(input));
    expect(second[0]?.involves).not.toContain('mutated');
    expect(second[0]?.sources.length).toBeGreaterThan(0);
  });

  it('ignores blank names and handles an empty intake', () => {
    expect(evaluateIntake(intake({ substances: ['', '   '] }))).toEqual([]);
    expect(evaluateIntake({ substances: [], medications: [] })).toEqual([]);
  });
});

// Rules whose only sources give no year in the reference file: bupropion's label is
// known only through secondary sites without a date (§2.14). Listed so the gap stays visible.
const NO_DATED_SOURCE = new Set(['bupropion-seizure-threshold', 'bupropion-maoi', 'seizure-history-bupropion']);

const HEDGE = /\b(may|reported|not confirmed)\b/i;

function textOf(rule: Pick<Rule, 'title' | 'summary' | 'discuss'>): string {
  return `${rule.title} ${rule.summary} ${rule.discuss}`;
}

describe('knowledge base', () => {
  const rules = knowledgeBase.rules as readonly Rule[];
  const entries = [...knowledgeBase.substances, ...knowledgeBase.medications];
  const targetIds = new Set([...entries.map((e) => e.id), ...knowledgeBase.medicationClasses.map((c) => c.id)]);

  it('is versioned and dated', () => {
    expect(knowledgeBase.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(knowledgeBase.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has unique entry ids, rule ids and titles, and no alias that means two things', () => {
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(new Set(rules.map((r) => r.title)).size).toBe(rules.length);
    const owner = new Map<string, string>();
    for (const entry of entries) {
      for (const name of [entry.id, entry.name, ...entry.aliases]) {
        const folded = foldName(name);
        const previous = owner.get(folded);
        expect(previous === undefined || previous === entry.id, `${name} → ${previous} and ${entry.id}`).toBe(true);
        owner.set(folded, entry.id);
      }
    }
  });

  it('targets only known entries and classes, and gives every entry known classes', () => {
    for (const rule of rules) {
      const trigger = rule.trigger;
      const targets =
        trigger.kind === 'pair'
          ? [...trigger.a, ...trigger.b]
          : trigger.kind === 'single'
            ? trigger.targets
            : trigger.targets;
      for (const target of targets) expect(targetIds.has(target), `${rule.id}: ${target}`).toBe(true);
    }
    for (const entry of entries) {
      for (const klass of entry.classes) {
        expect(
          knowledgeBase.medicationClasses.some((c) => c.id === klass),
          `${entry.id}: ${klass}`,
        ).toBe(true);
      }
    }
  });

  it('cites at least one source and one graded fact in every rule, and every source exists', () => {
    for (const rule of rules) {
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      expect(rule.facts.length, rule.id).toBeGreaterThan(0);
      for (const id of rule.sources) expect(id in knowledgeBase.sources, `${rule.id}: ${id}`).toBe(true);
    }
  });

  it('never states a U-graded rule as certain: not serious, and hedged', () => {
    for (const rule of rules) {
      const grades = new Set(rule.facts.map((fact) => fact.grade));
      if (grades.size === 1 && grades.has('U')) expect(rule.severity, rule.id).not.toBe('serious');
      if (grades.has('U')) expect(textOf(rule), rule.id).toMatch(HEDGE);
    }
    // The guard has something to guard.
    expect(rules.some((rule) => rule.facts.every((fact) => fact.grade === 'U'))).toBe(true);
  });

  it('keeps a neutral stance: never calls anything safe and names who to discuss it with', () => {
    for (const rule of rules) {
      expect(textOf(rule), rule.id).not.toMatch(/\bsafe\b|\bsafely\b|you should (take|use|try)/i);
      expect(rule.discuss, rule.id).toMatch(/client|prescriber|pharmacist|GP|midwife|clinic|hepatologist/);
    }
  });

  describe('every rule fires on an intake naming everything, with sources that carry title, publisher and year', () => {
    const everything = evaluateIntake({
      substances: knowledgeBase.substances.map((entry) => ({ name: entry.name })),
      medications: knowledgeBase.medications.map((entry) => ({ name: entry.name })),
      context: { pregnant: true, breastfeeding: true, bipolar: true, liverDisease: true, seizureHistory: true },
    });

    it('fires every rule and recognises every name', () => {
      expect(idsOf(everything)).toEqual(rules.map((rule) => rule.id).sort());
    });

    it.each(everything.map((caution) => [caution.id, caution] as const))('%s', (_id, caution) => {
      expect(caution.sources.length).toBeGreaterThan(0);
      for (const source of caution.sources) {
        expect(source.title.length).toBeGreaterThan(0);
        expect(source.publisher.length).toBeGreaterThan(0);
        expect(['A', 'P', 'S', 'U']).toContain(source.grade);
      }
      if (!NO_DATED_SOURCE.has(caution.id)) {
        expect(caution.sources.some((source) => typeof source.year === 'number' && source.year > 1900)).toBe(true);
      }
      expect(caution.grades.length).toBeGreaterThan(0);
      expect(caution.involves.length).toBeGreaterThan(0);
    });
  });

  it('the unknown-name caution cites the knowledge base with its year', () => {
    const [unknown] = evaluateIntake(intake({ substances: ['Blorpazine'] }));
    expect(unknown?.sources[0]?.year).toBe(Number(knowledgeBase.reviewed.slice(0, 4)));
  });
});
