/**
 * Cautions about two things taken together (substance × medication, substance ×
 * substance, medication × medication). A pair fires only for two different listed
 * names, in either order. Section numbers refer to clinical-facts.md.
 */
import type { Rule } from '../types';
import { KRATOM, SEDATIVES, SEROTONERGIC_ANTIDEPRESSANTS } from './targets';

export const pairRules: readonly Rule[] = [
  // Kratom (§1.3)
  {
    id: 'kratom-opioids',
    severity: 'serious',
    title: 'Kratom with opioids: respiratory depression',
    summary:
      'Kratom alkaloids are partial mu-opioid agonists, and 7-OH depresses breathing in a dose-dependent way, so kratom may add to the effect of opioids. Opioids combined with other central nervous system depressants carry an FDA boxed warning for respiratory depression, coma and death. Kratom exposures involving several substances had worse outcomes, and most kratom-positive overdose deaths involved other substances. The size of this risk is not confirmed: no controlled study has measured it.',
    discuss:
      'With the client: amounts and timing of both. With the prescriber: the kratom use, before any change to opioid treatment.',
    trigger: { kind: 'pair', a: KRATOM, b: ['opioid'] },
    sources: ['ellis2020', 'pharmBiol2025', 'fdaOpioidBenzo2016', 'post2019', 'cdcKratom2019'],
    facts: [
      { section: '1.1', grade: 'P' },
      { section: '1.2', grade: 'A' },
      { section: '1.3', grade: 'U' },
      { section: '2.13', grade: 'A' },
    ],
  },
  {
    id: 'kratom-cns-depressants',
    severity: 'serious',
    title: 'Kratom with benzodiazepines, alcohol or other sedatives',
    summary:
      'Kratom acts on opioid receptors. The FDA boxed warning on opioids names benzodiazepines, alcohol and other CNS depressants as combinations that have led to profound sedation, slowed breathing, coma and death. Mitragynine also inhibits CYP3A, and a single dose of kratom tea raised midazolam levels. Multi-substance kratom exposures had worse outcomes. The size of the risk for these combinations is not confirmed: no controlled study has measured it.',
    discuss:
      'With the client: amounts, timing and drinking. With the prescriber or pharmacist: the kratom use alongside sedating medicines.',
    trigger: { kind: 'pair', a: KRATOM, b: [...SEDATIVES, 'alcohol', 'phenibut'] },
    sources: ['fdaOpioidBenzo2016', 'post2019', 'cdcKratom2019', 'tanna2021'],
    facts: [
      { section: '1.2', grade: 'P' },
      { section: '1.3', grade: 'P' },
      { section: '1.3', grade: 'U' },
      { section: '2.13', grade: 'A' },
    ],
  },
  {
    id: 'kratom-naltrexone',
    severity: 'serious',
    title: 'Kratom with naltrexone: precipitated withdrawal',
    summary:
      'Naltrexone blocks opioid receptors, on which kratom alkaloids act. A case has been reported of opioid-type withdrawal starting about an hour after a first naltrexone dose in a person taking kratom daily; it resolved with buprenorphine-naloxone.',
    discuss: 'With the prescriber: current kratom use, before naltrexone is started or given.',
    trigger: { kind: 'pair', a: KRATOM, b: ['naltrexone'] },
    sources: ['shmNaltrexoneKratom', 'ellis2020'],
    facts: [
      { section: '1.3', grade: 'P' },
      { section: '1.1', grade: 'P' },
    ],
  },
  {
    id: 'kratom-serotonergic',
    severity: 'caution',
    title: 'Kratom with serotonergic antidepressants',
    summary:
      'Some kratom alkaloids bind serotonin receptors in laboratory studies, and a toxicologist has likened adding kratom to an SSRI to taking a double dose. This concern is mechanistic: no case series or controlled data on serotonin syndrome with this combination were found, so the risk is not confirmed. Mitragynine inhibits CYP2D6 and CYP3A in vitro, enzymes that clear several antidepressants; in a small clinical study only the CYP3A effect was seen.',
    discuss: 'With the prescriber or pharmacist: the kratom use alongside the antidepressant.',
    trigger: { kind: 'pair', a: KRATOM, b: SEROTONERGIC_ANTIDEPRESSANTS },
    sources: ['ellis2020', 'leon2021', 'psychNews2019', 'tanna2021'],
    facts: [
      { section: '1.1', grade: 'P' },
      { section: '1.3', grade: 'S' },
      { section: '1.3', grade: 'U' },
    ],
  },

  // Opioids, benzodiazepines, alcohol, naltrexone (§2.10, §2.13)
  {
    id: 'opioids-sedatives',
    severity: 'serious',
    title: 'Opioids with benzodiazepines or other sedatives',
    summary:
      'The FDA requires a boxed warning on opioids and benzodiazepines: taken together, or with other CNS depressants, they have led to profound sedation, slowed breathing, coma and death.',
    discuss: 'With the prescriber(s): both medicines, including any that are not prescribed, and who prescribes each.',
    trigger: { kind: 'pair', a: ['opioid'], b: SEDATIVES },
    sources: ['fdaOpioidBenzo2016', 'fdaBenzo2020'],
    facts: [{ section: '2.13', grade: 'A' }],
  },
  {
    id: 'alcohol-sedatives',
    severity: 'serious',
    title: 'Alcohol with opioids, benzodiazepines or sleep medicines',
    summary:
      'Alcohol with sedating medicines raises the risk of falls, crashes and fatal overdose; the FDA boxed warnings on opioids and benzodiazepines name alcohol among the depressants that raise the risk of overdose and death. Adults aged 65 and over are at highest risk.',
    discuss:
      'With the client: how much and how often they drink. With the prescriber or pharmacist: drinking alongside these medicines.',
    trigger: { kind: 'pair', a: ['alcohol'], b: ['opioid', ...SEDATIVES] },
    sources: ['niaaa2025', 'fdaOpioidBenzo2016', 'fdaBenzo2020'],
    facts: [
      { section: '2.10', grade: 'A' },
      { section: '2.13', grade: 'A' },
    ],
  },
  {
    id: 'opioids-serotonergic',
    severity: 'serious',
    title: 'Opioids with antidepressants or triptans: serotonin syndrome',
    summary:
      'The FDA warned in 2016 that opioids taken with serotonergic antidepressants or triptans can cause serotonin syndrome, with onset within hours to days. Reports were more frequent with fentanyl and methadone; tramadol, tapentadol and meperidine already carried warnings. Signs include agitation, fever, sweating, shivering, fast heart rate, muscle twitching or stiffness and diarrhoea.',
    discuss: 'With the prescriber or pharmacist: both medicines, and the signs to watch for.',
    trigger: {
      kind: 'pair',
      a: ['opioid'],
      b: [...SEROTONERGIC_ANTIDEPRESSANTS, 'mirtazapine', 'trazodone', 'triptan'],
    },
    sources: ['fdaOpioidSerotonin2016'],
    facts: [{ section: '2.13', grade: 'A' }],
  },
  {
    id: 'opioids-naltrexone',
    severity: 'serious',
    title: 'Opioids with naltrexone: precipitated withdrawal',
    summary:
      'Naltrexone blocks opioid receptors. In someone also using opioids it can bring on withdrawal, as has been reported with kratom.',
    discuss: 'With the prescriber: all opioid use, prescribed or not, before naltrexone is started.',
    trigger: { kind: 'pair', a: ['opioid'], b: ['naltrexone'] },
    sources: ['shmNaltrexoneKratom', 'ellis2020'],
    facts: [{ section: '2.10', grade: 'P' }],
  },

  // St John's Wort (§2.1)
  {
    id: 'st-johns-wort-serotonergic',
    severity: 'serious',
    title: "St John's Wort with serotonergic antidepressants or triptans",
    summary:
      "St John's Wort has serotonergic effects; with SSRIs or triptans, regulators found a higher risk of adverse reactions. Serotonin syndrome needing hospital care was reported after one cup of the tea taken with citalopram, and it is listed as high risk with MAO inhibitors.",
    discuss:
      'With the prescriber: the herbal use alongside the antidepressant or triptan, and the signs of serotonin syndrome.',
    trigger: { kind: 'pair', a: ['st-johns-wort'], b: [...SEROTONERGIC_ANTIDEPRESSANTS, 'triptan'] },
    sources: ['henderson2002', 'usPharmacistSjw'],
    facts: [
      { section: '2.1', grade: 'P' },
      { section: '2.1', grade: 'S' },
      { section: '2.14', grade: 'S' },
    ],
  },
  {
    id: 'st-johns-wort-contraceptives',
    severity: 'serious',
    title: "St John's Wort with oral contraceptives: contraceptive failure",
    summary:
      "St John's Wort speeds up the breakdown of ethinylestradiol and most progestogens. Irregular bleeding and unplanned pregnancies have been reported, and the UK Committee on Safety of Medicines advised against using it with oral contraceptives.",
    discuss: 'With the client and the prescriber or pharmacist: the herbal use and contraception.',
    trigger: { kind: 'pair', a: ['st-johns-wort'], b: ['oral-contraceptive'] },
    sources: ['ukmi2012', 'mannel2004', 'henderson2002'],
    facts: [
      { section: '2.1', grade: 'A' },
      { section: '2.1', grade: 'P' },
    ],
  },
  {
    id: 'st-johns-wort-anticoagulants',
    severity: 'caution',
    title: "St John's Wort with warfarin or phenprocoumon",
    summary:
      "St John's Wort lowers the effect of warfarin and phenprocoumon. The effect varies between preparations and changes when the herb is started, stopped or its dose changes.",
    discuss: 'With the prescriber or anticoagulation clinic: the herbal use, and any plan to start or stop it.',
    trigger: { kind: 'pair', a: ['st-johns-wort'], b: ['vitamin-k-antagonist'] },
    sources: ['henderson2002', 'mannel2004'],
    facts: [{ section: '2.1', grade: 'P' }],
  },
  {
    id: 'st-johns-wort-contraindicated',
    severity: 'serious',
    title: "St John's Wort with transplant, HIV or cancer medicines",
    summary:
      "A review lists St John's Wort as contraindicated with HIV protease inhibitors, NNRTIs, ciclosporin, tacrolimus, irinotecan and imatinib, because it lowers their levels.",
    discuss: 'With the prescriber: the herbal use, promptly.',
    trigger: { kind: 'pair', a: ['st-johns-wort'], b: ['sjw-contraindicated'] },
    sources: ['mannel2004', 'henderson2002'],
    facts: [{ section: '2.1', grade: 'P' }],
  },
  {
    id: 'st-johns-wort-narrow-index',
    severity: 'caution',
    title: "St John's Wort with digoxin, theophylline or methadone",
    summary:
      "St John's Wort lowers digoxin and theophylline levels, and a case of lowered methadone levels has been reported. Medicines with a narrow therapeutic range need monitoring when the herb is added, stopped or its dose changed.",
    discuss: 'With the prescriber or pharmacist: the herbal use and any plan to change it.',
    trigger: { kind: 'pair', a: ['st-johns-wort'], b: ['narrow-therapeutic-index'] },
    sources: ['henderson2002', 'mannel2004'],
    facts: [
      { section: '2.1', grade: 'P' },
      { section: '2.1', grade: 'S' },
    ],
  },

  // 5-HTP, SAMe (§2.2, §2.3)
  {
    id: '5-htp-serotonergic',
    severity: 'serious',
    title: '5-HTP with serotonergic medicines',
    summary:
      '5-HTP is the direct precursor of serotonin. Monographs advise against combining it with SSRIs, tricyclics, MAO inhibitors, triptans or tramadol because of serotonin syndrome, which has been reported with tramadol.',
    discuss: 'With the prescriber or pharmacist: the supplement alongside these medicines.',
    trigger: { kind: 'pair', a: ['5-htp'], b: [...SEROTONERGIC_ANTIDEPRESSANTS, 'triptan', 'tramadol'] },
    sources: ['stLukes5htp2007'],
    facts: [{ section: '2.2', grade: 'S' }],
  },
  {
    id: 'same-serotonergic',
    severity: 'caution',
    title: 'SAMe with serotonergic medicines',
    summary:
      'Secondary sources say serotonin syndrome has been reported with SAMe and serotonergic drugs, but no primary case was found, so this is not confirmed. A case of mania with psychotic features during SAMe with escitalopram has been published.',
    discuss: 'With the prescriber: the supplement alongside the antidepressant, and any change in mood or sleep.',
    trigger: { kind: 'pair', a: ['same'], b: [...SEROTONERGIC_ANTIDEPRESSANTS, 'triptan', 'tramadol'] },
    sources: ['drugsComSame2023', 'sameEscitalopramCase'],
    facts: [
      { section: '2.3', grade: 'P' },
      { section: '2.3', grade: 'U' },
    ],
  },

  // MAOIs (§2.14)
  {
    id: 'maoi-serotonergic',
    severity: 'serious',
    title: 'MAO inhibitors with serotonergic medicines',
    summary:
      'With an MAO inhibitor, severe or fatal serotonin syndrome has been described with fluoxetine, paroxetine, fluvoxamine, venlafaxine, meperidine, tramadol, dextromethorphan and tryptophan, and with moclobemide or linezolid. Washout periods apply when switching (reported as 2 weeks after an MAOI, and at least 5 weeks after fluoxetine); these should be checked against the labels.',
    discuss:
      'With the prescriber and pharmacist: every medicine and supplement, including over-the-counter cough remedies.',
    trigger: {
      kind: 'pair',
      a: ['maoi'],
      b: ['ssri', 'snri', 'maoi', 'tramadol', 'meperidine', 'dextromethorphan', 'l-tryptophan', 'linezolid'],
    },
    sources: ['cmdtMaoi', 'fdaOpioidSerotonin2016', 'flockhart2012'],
    facts: [
      { section: '2.14', grade: 'S' },
      { section: '2.13', grade: 'A' },
    ],
  },
  {
    id: 'maoi-hypertensive',
    severity: 'serious',
    title: 'MAO inhibitors with tyramine or sympathomimetics: hypertensive reaction',
    summary:
      'Tyramine-rich food or a sympathomimetic such as pseudoephedrine or ephedrine, taken with an MAO inhibitor, can cause a severe hypertensive reaction. A 2012 review notes that such reactions are rare, and less likely with newer selective, reversible or transdermal MAOIs.',
    discuss: 'With the prescriber or pharmacist: the food or decongestant, and what to avoid.',
    trigger: { kind: 'pair', a: ['maoi'], b: ['tyramine-rich-food', 'sympathomimetic'] },
    sources: ['cmdtMaoi', 'eastSussexFormulary', 'flockhart2012'],
    facts: [
      { section: '2.14', grade: 'S' },
      { section: '2.14', grade: 'A' },
      { section: '2.14', grade: 'P' },
    ],
  },

  // Bupropion (§2.10, §2.14)
  {
    id: 'bupropion-maoi',
    severity: 'serious',
    title: 'Bupropion with an MAO inhibitor',
    summary:
      'The bupropion label is reported to contraindicate it with an MAO inhibitor, or within 14 days of one. This comes from a secondary source; the label text has not been confirmed here.',
    discuss: 'With the prescriber: both medicines and when each was started or stopped.',
    trigger: { kind: 'pair', a: ['bupropion'], b: ['maoi'] },
    sources: ['bupropionLabelQuoted'],
    facts: [
      { section: '2.14', grade: 'S' },
      { section: '2.14', grade: 'U' },
    ],
  },
  {
    id: 'bupropion-withdrawal-seizures',
    severity: 'caution',
    title: 'Bupropion with alcohol or benzodiazepines: seizure risk',
    summary:
      'The bupropion label is reported to contraindicate it during abrupt stopping of alcohol or benzodiazepines, because of seizure risk, and heavy drinking may also raise seizure risk. Stopping a benzodiazepine abruptly can itself cause seizures. The bupropion label text has not been confirmed here.',
    discuss: 'With the prescriber: drinking, benzodiazepine use and any plan to cut down or stop either.',
    trigger: { kind: 'pair', a: ['bupropion'], b: ['alcohol', 'benzodiazepine'] },
    sources: ['bupropionMonograph', 'bupropionLabelQuoted', 'fdaBenzo2020'],
    facts: [
      { section: '2.10', grade: 'S' },
      { section: '2.10', grade: 'U' },
      { section: '2.13', grade: 'A' },
    ],
  },

  // Fluvoxamine, caffeine, melatonin (§2.6, §2.11)
  {
    id: 'fluvoxamine-caffeine',
    severity: 'caution',
    title: 'Fluvoxamine with caffeine',
    summary:
      "Fluvoxamine blocks CYP1A2, which clears caffeine: in one study caffeine's half-life rose from about 5 to 56 hours. Single doses showed no change in effect, but build-up with daily intake was not ruled out.",
    discuss:
      'With the client: daily caffeine and any jitteriness, anxiety or poor sleep. With the prescriber: the same.',
    trigger: { kind: 'pair', a: ['fluvoxamine'], b: ['caffeine'] },
    sources: ['culmMerdek2005', 'caffeineReview2001'],
    facts: [{ section: '2.11', grade: 'P' }],
  },
  {
    id: 'fluvoxamine-melatonin',
    severity: 'caution',
    title: 'Fluvoxamine with melatonin',
    summary:
      'Fluvoxamine is reported to raise melatonin levels. The size of the effect and its mechanism are not confirmed.',
    discuss: 'With the prescriber or pharmacist: the melatonin dose, and any daytime drowsiness.',
    trigger: { kind: 'pair', a: ['fluvoxamine'], b: ['melatonin'] },
    sources: ['medicineNetMelatonin2014'],
    facts: [
      { section: '2.6', grade: 'S' },
      { section: '2.6', grade: 'U' },
    ],
  },
  {
    id: 'melatonin-sedatives',
    severity: 'caution',
    title: 'Melatonin with benzodiazepines or Z-drugs',
    summary: 'Consumer monographs report added sleepiness when melatonin is taken with benzodiazepines or Z-drugs.',
    discuss: 'With the pharmacist: the combination and timing.',
    trigger: { kind: 'pair', a: ['melatonin'], b: SEDATIVES },
    sources: ['medicineNetMelatonin2014'],
    facts: [{ section: '2.6', grade: 'S' }],
  },
  {
    id: 'melatonin-contraceptives',
    severity: 'caution',
    title: 'Melatonin with oral contraceptives',
    summary: 'A consumer monograph reports that oral contraceptives may raise melatonin levels.',
    discuss: 'With the pharmacist: the melatonin dose.',
    trigger: { kind: 'pair', a: ['melatonin'], b: ['oral-contraceptive'] },
    sources: ['medicineNetMelatonin2014'],
    facts: [{ section: '2.14', grade: 'S' }],
  },
  {
    id: 'supplements-anticoagulants',
    severity: 'caution',
    title: 'Melatonin or valerian with warfarin',
    summary: 'Secondary sources report a bleeding caution for melatonin and valerian with anticoagulants.',
    discuss: 'With the prescriber or anticoagulation clinic: the supplement use.',
    trigger: { kind: 'pair', a: ['melatonin', 'valerian'], b: ['vitamin-k-antagonist'] },
    sources: ['medicineNetMelatonin2014'],
    facts: [{ section: '2.14', grade: 'S' }],
  },
  {
    id: 'valerian-sedatives',
    severity: 'caution',
    title: 'Valerian with alcohol or sedating medicines',
    summary:
      'Consumer monographs list added sedation when valerian is combined with alcohol, benzodiazepines, Z-drugs or tricyclics; one review describes valerian interactions as of limited clinical significance.',
    discuss: 'With the pharmacist: the combination, and drowsiness or driving.',
    trigger: { kind: 'pair', a: ['valerian'], b: ['alcohol', ...SEDATIVES, 'tca'] },
    sources: ['stLukesValerian2007', 'liverToxValerian2020'],
    facts: [
      { section: '2.5', grade: 'S' },
      { section: '2.5', grade: 'A' },
    ],
  },

  // Smoking and caffeine with clozapine, olanzapine, lithium (§2.9, §2.11, §2.12)
  {
    id: 'smoking-clozapine-olanzapine',
    severity: 'caution',
    title: 'Smoking with clozapine or olanzapine',
    summary:
      'Tobacco or cannabis smoke (not nicotine) speeds up the breakdown of clozapine and olanzapine through CYP1A2. When someone stops smoking, clozapine levels may rise substantially within 3 to 5 days, and toxicity has been reported. Nicotine replacement and e-cigarettes do not have this effect.',
    discuss: 'With the prescriber: any plan to stop, cut down or restart smoking, before it happens.',
    trigger: { kind: 'pair', a: ['tobacco-smoking', 'cannabis'], b: ['antipsychotic-cyp1a2'] },
    sources: ['andrade2012', 'nhsggcClozapine', 'zullino2002'],
    facts: [
      { section: '2.12', grade: 'P' },
      { section: '2.12', grade: 'A' },
      { section: '2.9', grade: 'P' },
    ],
  },
  {
    id: 'caffeine-clozapine',
    severity: 'caution',
    title: 'Caffeine with clozapine',
    summary:
      'A 2001 review reports that caffeine competes with clozapine for the same liver enzyme (CYP1A2), so a large change in caffeine intake may change clozapine levels. The review’s journal is not confirmed.',
    discuss: 'With the prescriber: daily caffeine intake and any large change in it.',
    trigger: { kind: 'pair', a: ['caffeine'], b: ['clozapine'] },
    sources: ['caffeineReview2001'],
    facts: [
      { section: '2.11', grade: 'P' },
      { section: '2.11', grade: 'U' },
    ],
  },
  {
    id: 'caffeine-lithium',
    severity: 'caution',
    title: 'Caffeine with lithium',
    summary:
      'A 2001 review reports that caffeine increases lithium clearance, so a change in caffeine intake may change lithium levels. The review’s journal is not confirmed.',
    discuss: 'With the prescriber: daily caffeine intake and any large change in it.',
    trigger: { kind: 'pair', a: ['caffeine'], b: ['lithium'] },
    sources: ['caffeineReview2001'],
    facts: [
      { section: '2.11', grade: 'P' },
      { section: '2.11', grade: 'U' },
    ],
  },

  // Kava, phenibut (§2.4, §2.7)
  {
    id: 'kava-alcohol-liver',
    severity: 'caution',
    title: 'Kava with alcohol: liver injury',
    summary:
      'Alcohol is often taken alongside kava in reported liver-injury cases, and interactions through liver enzymes have been proposed.',
    discuss: 'With the client: drinking alongside kava. With the prescriber or GP: both, and any liver symptoms.',
    trigger: { kind: 'pair', a: ['kava'], b: ['alcohol'] },
    sources: ['kavaAlcohol2009', 'teschke2010'],
    facts: [{ section: '2.4', grade: 'P' }],
  },
  {
    id: 'kava-sedatives',
    severity: 'caution',
    title: 'Kava with alcohol or sedatives: added sedation',
    summary:
      'Added sedation with benzodiazepines, Z-drugs or alcohol may occur, given that kavalactones have alcohol-like effects, but no agency source was found and the interaction is not confirmed.',
    discuss: 'With the pharmacist: the combination, and drowsiness or driving.',
    trigger: { kind: 'pair', a: ['kava'], b: ['alcohol', ...SEDATIVES] },
    sources: ['liverToxKava2018'],
    facts: [{ section: '2.4', grade: 'U' }],
  },
  {
    id: 'phenibut-depressants',
    severity: 'caution',
    title: 'Phenibut with alcohol, benzodiazepines or opioids',
    summary:
      'Experts have warned that phenibut with alcohol, benzodiazepines or opioids may add to sedation and CNS depression. No interaction study was found, so the size of this risk is not confirmed.',
    discuss: 'With the prescriber: the phenibut use alongside the other substance or medicine.',
    trigger: { kind: 'pair', a: ['phenibut'], b: ['alcohol', 'benzodiazepine', 'opioid'] },
    sources: ['hopkinsPhenibut', 'mccabe2019'],
    facts: [
      { section: '2.7', grade: 'S' },
      { section: '2.7', grade: 'U' },
    ],
  },

  // Cannabis and CBD (§2.9)
  {
    id: 'cannabinoids-psychotropics',
    severity: 'caution',
    title: 'Cannabis or CBD with clobazam, bupropion or citalopram',
    summary:
      'CBD and THC inhibit several liver enzymes, and interactions have been reported with clobazam, bupropion and citalopram. Levels of co-prescribed medicines may vary.',
    discuss: 'With the prescriber or pharmacist: cannabis or CBD use alongside these medicines.',
    trigger: { kind: 'pair', a: ['cannabis', 'cbd'], b: ['clobazam', 'bupropion', 'citalopram'] },
    sources: ['smithCannabinoid2024', 'brownWinterstein2019'],
    facts: [{ section: '2.9', grade: 'P' }],
  },
  {
    id: 'cannabinoids-warfarin',
    severity: 'caution',
    title: 'Cannabis or CBD with warfarin',
    summary:
      'THC or CBD is reported by a secondary source to raise warfarin levels; no primary source was found, so this is not confirmed. CBD and THC do inhibit enzymes that clear many medicines.',
    discuss: 'With the prescriber or anticoagulation clinic: cannabis or CBD use.',
    trigger: { kind: 'pair', a: ['cannabis', 'cbd'], b: ['warfarin'] },
    sources: ['hemp24Warfarin', 'brownWinterstein2019'],
    facts: [
      { section: '2.9', grade: 'S' },
      { section: '2.9', grade: 'U' },
      { section: '2.9', grade: 'P' },
    ],
  },
];
