/**
 * Cautions raised by the intake context (pregnancy, bipolar disorder, liver disease,
 * seizure history), only where clinical-facts.md supports them. Breastfeeding has no rule:
 * the reference holds no clinical fact about it (only Thailand's sales law, §1.5).
 */
import type { Rule } from '../types';
import { KRATOM } from './targets';

export const conditionRules: readonly Rule[] = [
  {
    id: 'pregnancy-kratom',
    severity: 'caution',
    title: 'Kratom in pregnancy: neonatal withdrawal reported',
    summary:
      'Withdrawal in newborns exposed to kratom has been reported (5 of 7 neonatal exposures in US poison-centre data), and reviews raise concern about neonatal abstinence syndrome.',
    discuss: 'With the client and their midwife, obstetrician or prescriber: kratom use during pregnancy.',
    trigger: { kind: 'condition', condition: 'pregnant', targets: KRATOM },
    sources: ['post2019', 'striley2022'],
    facts: [{ section: '1.2', grade: 'P' }],
  },
  {
    id: 'bipolar-same',
    severity: 'serious',
    title: 'SAMe in bipolar disorder: mania reported',
    summary:
      'A natural-product monograph lists SAMe as contraindicated in bipolar depression because of reports of anxiety and mania, and a case of mania with psychotic features during SAMe with escitalopram has been published.',
    discuss: 'With the prescriber: the SAMe use, and any signs of elevated mood.',
    trigger: { kind: 'condition', condition: 'bipolar', targets: ['same'] },
    sources: ['drugsComSame2023', 'sameEscitalopramCase'],
    facts: [
      { section: '2.3', grade: 'S' },
      { section: '2.3', grade: 'P' },
    ],
  },
  {
    id: 'liver-disease-hepatotoxic',
    severity: 'caution',
    title: 'Liver disease with a product linked to liver injury',
    summary:
      'Kratom, kava, valerian and CBD have each been linked to liver injury (rarely for valerian). The reference holds no study of people with existing liver disease; the caution rests on the injury reports.',
    discuss: 'With the prescriber or hepatologist: the product use given the liver condition.',
    trigger: { kind: 'condition', condition: 'liverDisease', targets: ['kratom', 'kava', 'valerian', 'cbd'] },
    sources: ['schimmelDart2020', 'liverToxKava2018', 'liverToxValerian2020', 'brownWinterstein2019'],
    facts: [
      { section: '1.2', grade: 'P' },
      { section: '2.4', grade: 'A' },
      { section: '2.5', grade: 'A' },
      { section: '2.9', grade: 'A' },
    ],
  },
  {
    id: 'seizure-history-bupropion',
    severity: 'serious',
    title: 'Bupropion with a history of seizures',
    summary:
      'The bupropion label is reported to contraindicate it in people with a seizure disorder, as it lowers the seizure threshold. This comes from a secondary source; the label text has not been confirmed here.',
    discuss: 'With the prescriber: the seizure history.',
    trigger: { kind: 'condition', condition: 'seizureHistory', targets: ['bupropion'] },
    sources: ['bupropionLabelQuoted'],
    facts: [
      { section: '2.14', grade: 'S' },
      { section: '2.14', grade: 'U' },
    ],
  },
  {
    id: 'seizure-history-substances',
    severity: 'caution',
    title: 'Seizure history with kratom, 7-OH or tianeptine',
    summary:
      'Seizures have been reported after kratom exposure, and the FDA has warned of seizures with tianeptine products.',
    discuss: 'With the prescriber: the substance use given the seizure history.',
    trigger: { kind: 'condition', condition: 'seizureHistory', targets: [...KRATOM, 'tianeptine'] },
    sources: ['post2019', 'psychNews2019', 'fdaTianeptine2024'],
    facts: [
      { section: '1.2', grade: 'P' },
      { section: '1.2', grade: 'S' },
      { section: '2.8', grade: 'S' },
    ],
  },
];
