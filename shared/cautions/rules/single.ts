/**
 * Cautions about one substance or medication on its own. Section numbers refer to
 * ../shared/reference/clinical-facts.md.
 */
import type { Rule } from '../types';
import { KRATOM } from './targets';

export const singleRules: readonly Rule[] = [
  {
    id: 'kratom-dependence-withdrawal',
    severity: 'caution',
    title: 'Kratom: dependence and withdrawal',
    summary:
      'Kratom alkaloids act on opioid receptors. Case reports describe kratom dependence, including in people who first used it for anxiety or depression, and withdrawal that was treated with buprenorphine-naloxone. In animal studies 7-OH caused tolerance and dependence.',
    discuss:
      'With the client: how much and how often they use, attempts to cut down, and symptoms when they stop. With the prescriber: the pattern of use, particularly before any change to opioid or addiction medicines.',
    trigger: { kind: 'single', targets: KRATOM },
    sources: ['boweKerr2020', 'cureus2023', 'pharmBiol2025'],
    facts: [
      { section: '1.1', grade: 'P' },
      { section: '1.2', grade: 'P' },
    ],
  },
  {
    id: 'kratom-liver',
    severity: 'caution',
    title: 'Kratom: liver injury',
    summary:
      'Published case reports and a review judge kratom a probable cause of liver injury, usually cholestatic or mixed, appearing about 2 to 7 weeks after starting; the evidence is of low quality. In one series of 8 cases, every patient also drank alcohol. The likelihood grade NIH LiverTox gives kratom is not confirmed here.',
    discuss:
      'With the client: any jaundice, dark urine, itching or abdominal pain, and alcohol use. With the prescriber or GP: whether liver tests are appropriate.',
    trigger: { kind: 'single', targets: ['kratom'] },
    sources: ['schimmelDart2020', 'navarro2019'],
    facts: [
      { section: '1.2', grade: 'P' },
      { section: '1.2', grade: 'U' },
    ],
  },
  {
    id: 'kratom-serious-outcomes',
    severity: 'caution',
    title: 'Kratom: seizures, heart rhythm and other reported harms',
    summary:
      'Poison-centre data list seizures, respiratory depression, coma, liver problems, slow heart rate and cardiac arrest among serious outcomes after kratom exposure, and a dose-related QTc prolongation has been measured in regular users. Most reported deaths involved other substances too, and outcomes were worse when other substances were taken.',
    discuss:
      'With the client: other substances taken alongside, fainting, palpitations or seizures. With the prescriber or pharmacist: kratom use alongside medicines that affect heart rhythm or the seizure threshold.',
    trigger: { kind: 'single', targets: KRATOM },
    sources: ['post2019', 'cdcKratom2019', 'psychNews2019', 'leongSingh2021', 'striley2022'],
    facts: [
      { section: '1.2', grade: 'P' },
      { section: '1.2', grade: 'A' },
      { section: '1.2', grade: 'S' },
    ],
  },
  {
    id: 'kratom-product-quality',
    severity: 'info',
    title: 'Kratom: product contents vary',
    summary:
      'Products sold as kratom are not regulated as medicines. News reports describe an FDA-ordered recall for Salmonella (2018) and FDA testing that found lead and nickel (2018-2019). Semi-synthetic, concentrated 7-OH products are also marketed as "kratom" and give far higher exposure than leaf.',
    discuss:
      'With the client: what product they use (leaf, powder, extract, 7-OH tablets or drinks) and where it comes from.',
    trigger: { kind: 'single', targets: KRATOM },
    sources: ['kratomRecall2018', 'kratomMetals2019', 'smith2024'],
    facts: [
      { section: '1.4', grade: 'S' },
      { section: '1.1', grade: 'P' },
    ],
  },
  {
    id: 'kratom-legal-status',
    severity: 'info',
    title: 'Kratom and 7-OH: legal status varies by place',
    summary:
      'Kratom is banned, scheduled or age-restricted in some US states, cities and countries, and the rules change often; the lists found have not been checked against statutes. In July 2025 the FDA was reported to recommend placing concentrated 7-OH in Schedule I; whether it has been finally scheduled is not confirmed.',
    discuss:
      'With the client, where relevant: that the local legal position may differ and is not confirmed by Sessionkeep.',
    trigger: { kind: 'single', targets: KRATOM },
    sources: ['cdcKratom2019', 'kratomLegal2024', 'thailandKratom2022', 'fda7oh2025'],
    facts: [
      { section: '1.4', grade: 'A' },
      { section: '1.4', grade: 'S' },
      { section: '1.5', grade: 'S' },
      { section: '1.5', grade: 'U' },
    ],
  },
  {
    id: 'kratom-depression-evidence',
    severity: 'info',
    title: 'Kratom: no approved use for depression',
    summary:
      'The FDA states that kratom has no approved use. Evidence on mood comes from self-report surveys, in which users reported less low mood and anxiety; a meta-analysis found a very small association between kratom use and poorer mental-health indicators. No randomised trial for depression was located, though that absence is not confirmed.',
    discuss:
      'With the client: what they use kratom for, and how that fits with the treatment plan agreed with their prescriber.',
    trigger: { kind: 'single', targets: KRATOM },
    sources: ['cdcKratom2019', 'grundmann2023', 'kratomMetaAnalysis2024'],
    facts: [
      { section: '1.6', grade: 'A' },
      { section: '1.6', grade: 'P' },
      { section: '1.6', grade: 'U' },
    ],
  },
  {
    id: '7-oh-concentrated',
    severity: 'serious',
    title: '7-OH products: concentrated opioid exposure',
    summary:
      'Concentrated or semi-synthetic 7-OH is a mu-opioid agonist that can exceed morphine in potency. Unlike mitragynine, its effect on breathing in animal studies rose with dose, with no ceiling. State health departments have reported severe intoxications and deaths, and the safety of high doses has not been evaluated.',
    discuss:
      'With the client: the product, dose and frequency, and use with alcohol, sedatives or opioids. With the prescriber: the use itself, as it bears on overdose risk and on opioid or addiction treatment.',
    trigger: { kind: 'single', targets: ['7-oh'] },
    sources: ['pharmBiol2025', 'smith2024', 'fda7oh2025'],
    facts: [
      { section: '1.1', grade: 'P' },
      { section: '1.4', grade: 'S' },
    ],
  },
  {
    id: 'st-johns-wort-inducer',
    severity: 'caution',
    title: "St John's Wort: lowers the levels of many medicines",
    summary:
      "St John's Wort induces liver and gut enzymes (CYP3A4, CYP2C9, CYP1A2) and P-glycoprotein, which can lower the levels and effect of other medicines. How strong the effect is varies between preparations, and changes when it is started, stopped or the dose changes.",
    discuss:
      'With the pharmacist or prescriber: every other medicine the client takes, and any plan to start or stop the herb.',
    trigger: { kind: 'single', targets: ['st-johns-wort'] },
    sources: ['henderson2002', 'mannel2004'],
    facts: [{ section: '2.1', grade: 'P' }],
  },
  {
    id: '5-htp-contaminants',
    severity: 'info',
    title: '5-HTP and L-tryptophan: contaminant history',
    summary:
      'A contaminant ("peak X") linked to the 1989 eosinophilia-myalgia outbreak with L-tryptophan was reported in some 5-HTP products in 1998. Whether the illness comes from 5-HTP itself or from contaminants is unresolved.',
    discuss: 'With the client: the product used, and any muscle pain, rash or swelling.',
    trigger: { kind: 'single', targets: ['5-htp', 'l-tryptophan'] },
    sources: ['philstar2003'],
    facts: [{ section: '2.2', grade: 'S' }],
  },
  {
    id: 'kava-liver',
    severity: 'serious',
    title: 'Kava: severe liver injury',
    summary:
      'Kava has been linked to acute liver injury, including liver failure leading to transplant and fatal cases, and kava is banned or restricted in several countries. The FDA issued a consumer advisory in 2002. Some dispute causality (adulterants, co-medication).',
    discuss:
      'With the client: amount, duration and alcohol use, and symptoms such as jaundice or dark urine. With the prescriber or GP: kava use, especially with other medicines or liver problems.',
    trigger: { kind: 'single', targets: ['kava'] },
    sources: ['liverToxKava2018', 'cdcKava2002', 'teschke2010'],
    facts: [
      { section: '2.4', grade: 'A' },
      { section: '2.4', grade: 'P' },
    ],
  },
  {
    id: 'valerian-liver-withdrawal',
    severity: 'caution',
    title: 'Valerian: sedation, withdrawal and rare liver injury',
    summary:
      'Valerian is thought to act on GABA receptors in a way similar to benzodiazepines. It can cause sedation and dizziness, withdrawal symptoms on stopping, and rare liver injury, mostly in multi-herb products.',
    discuss:
      'With the client: how long they have taken it and whether they plan to stop. With the pharmacist: other sedating medicines.',
    trigger: { kind: 'single', targets: ['valerian'] },
    sources: ['liverToxValerian2020'],
    facts: [{ section: '2.5', grade: 'A' }],
  },
  {
    id: 'melatonin-product-content',
    severity: 'info',
    title: 'Melatonin: labelled dose often inaccurate',
    summary:
      'Melatonin is sold as a supplement, not an approved medicine. In a 2023 test of 25 gummy products, most were mislabelled, with 74% to 347% of the stated dose, and one contained CBD instead. Paediatric poison-centre calls about melatonin rose sharply from 2012 to 2021.',
    discuss: 'With the client: the product and dose, and storage away from children.',
    trigger: { kind: 'single', targets: ['melatonin'] },
    sources: ['cohenMelatonin2023'],
    facts: [{ section: '2.6', grade: 'P' }],
  },
  {
    id: 'phenibut',
    severity: 'serious',
    title: 'Phenibut: sedation, coma and severe withdrawal',
    summary:
      'Phenibut has never been FDA-approved, and supplements listing it are misbranded in the US. It has been associated with more than 80 cases of coma and death. Poison-centre reports describe sedation, respiratory depression and reduced consciousness, and withdrawal with anxiety, agitation and psychosis; tolerance develops quickly. Tested products held very different amounts.',
    discuss:
      'With the client: dose, frequency and any attempts to stop. With the prescriber: the use, as stopping abruptly may need medical support.',
    trigger: { kind: 'single', targets: ['phenibut'] },
    sources: ['cohenPhenibut2022', 'mccabe2019'],
    facts: [
      { section: '2.7', grade: 'P' },
      { section: '2.7', grade: 'A' },
    ],
  },
  {
    id: 'tianeptine',
    severity: 'serious',
    title: 'Tianeptine: opioid-like toxicity and withdrawal',
    summary:
      'Tianeptine is an antidepressant in some countries but is not FDA-approved in the US; it acts on opioid receptors. Misuse and withdrawal resemble opioid toxicity and withdrawal. The FDA warned in 2023-2024 about seizures, loss of consciousness and deaths with tianeptine products, and cautioned that interactions with other medicines could be life-threatening. Several US states have banned it.',
    discuss:
      'With the client: product, amount and frequency. With the prescriber: the use, including any other medicines, and withdrawal if it is stopped.',
    trigger: { kind: 'single', targets: ['tianeptine'] },
    sources: ['cdcTianeptine2018', 'fdaTianeptine2024'],
    facts: [
      { section: '2.8', grade: 'A' },
      { section: '2.8', grade: 'S' },
    ],
  },
  {
    id: 'cbd-liver-sedation',
    severity: 'caution',
    title: 'CBD: liver enzymes, sedation and interactions',
    summary:
      'The label of the approved CBD medicine warns of liver injury (with liver tests before starting) and of sleepiness. In studies of the approved products, nearly half of CBD users had adverse events, and CBD inhibits enzymes (CYP3A4, CYP2C19) that clear many medicines.',
    discuss: 'With the pharmacist or prescriber: CBD use alongside other medicines, and any liver tests.',
    trigger: { kind: 'single', targets: ['cbd'] },
    sources: ['brownWinterstein2019'],
    facts: [
      { section: '2.9', grade: 'A' },
      { section: '2.9', grade: 'P' },
    ],
  },
  {
    id: 'benzodiazepine-dependence',
    severity: 'serious',
    title: 'Benzodiazepines: dependence and withdrawal seizures',
    summary:
      'Benzodiazepines carry an FDA boxed warning (2020) on misuse, addiction, physical dependence and withdrawal. Even at prescribed doses, physical dependence may appear within days to weeks, and stopping abruptly or tapering fast can cause withdrawal, including seizures that can be life-threatening.',
    discuss:
      'With the client: how they take it, whether it is prescribed, and any plan to stop. With the prescriber: any change, so that a taper can be planned.',
    trigger: { kind: 'single', targets: ['benzodiazepine'] },
    sources: ['fdaBenzo2020'],
    facts: [{ section: '2.13', grade: 'A' }],
  },
  {
    id: 'maoi-diet-decongestants',
    severity: 'caution',
    title: 'MAO inhibitors: tyramine-rich food and decongestants',
    summary:
      'With an MAO inhibitor, tyramine-rich food (aged cheese, yeast extract, red wine, fermented soya) or a sympathomimetic such as pseudoephedrine or ephedrine can cause a severe rise in blood pressure. A 2012 review notes these reactions are rare, and less likely with newer selective, reversible or transdermal MAOIs.',
    discuss:
      'With the client: diet and over-the-counter cold remedies. With the pharmacist: any new medicine, including non-prescribed ones.',
    trigger: { kind: 'single', targets: ['maoi'] },
    sources: ['cmdtMaoi', 'eastSussexFormulary', 'flockhart2012'],
    facts: [
      { section: '2.14', grade: 'S' },
      { section: '2.14', grade: 'A' },
      { section: '2.14', grade: 'P' },
    ],
  },
  {
    id: 'bupropion-seizure-threshold',
    severity: 'caution',
    title: 'Bupropion: lowers the seizure threshold',
    summary:
      'Bupropion is reported to lower the seizure threshold in a dose-related way (about 0.1% at up to 300 mg a day). This comes from label text quoted by a secondary source; the label itself has not been confirmed here.',
    discuss:
      'With the prescriber: any history of seizures or eating disorder, heavy drinking, and stopping alcohol or sedatives.',
    trigger: { kind: 'single', targets: ['bupropion'] },
    sources: ['bupropionLabelQuoted', 'bupropionMonograph'],
    facts: [
      { section: '2.14', grade: 'S' },
      { section: '2.14', grade: 'U' },
    ],
  },
];
