/**
 * Medication classes and their members, by generic name with common brand names
 * (US and UK). Only the classes the caution rules need are listed; the list is not a
 * formulary. A medication not listed here yields the "no built-in information" caution.
 */
import type { KbEntry, MedicationClass } from './types';

export const medicationClasses: readonly MedicationClass[] = [
  { id: 'ssri', name: 'SSRI antidepressant' },
  { id: 'snri', name: 'SNRI antidepressant' },
  { id: 'tca', name: 'tricyclic antidepressant' },
  { id: 'maoi', name: 'MAO inhibitor' },
  { id: 'other-antidepressant', name: 'other antidepressant' },
  { id: 'mood-stabiliser', name: 'mood stabiliser' },
  { id: 'benzodiazepine', name: 'benzodiazepine' },
  { id: 'z-drug', name: 'Z-drug (sleep medicine)' },
  { id: 'opioid', name: 'opioid' },
  { id: 'opioid-antagonist', name: 'opioid antagonist' },
  { id: 'oral-contraceptive', name: 'oral (hormonal) contraceptive' },
  { id: 'vitamin-k-antagonist', name: 'vitamin K antagonist anticoagulant' },
  { id: 'antipsychotic-cyp1a2', name: 'antipsychotic metabolised by CYP1A2' },
  { id: 'triptan', name: 'triptan (migraine)' },
  { id: 'sympathomimetic', name: 'sympathomimetic decongestant' },
  { id: 'sjw-contraindicated', name: "medicine listed as contraindicated with St John's Wort" },
  { id: 'narrow-therapeutic-index', name: "narrow-therapeutic-index medicine affected by St John's Wort" },
];

function med(id: string, classes: string[], aliases: string[] = [], name = id): KbEntry {
  return { id, kind: 'medication', name, aliases, classes };
}

export const medications: readonly KbEntry[] = [
  // SSRIs
  med('sertraline', ['ssri'], ['Zoloft', 'Lustral']),
  med('fluoxetine', ['ssri'], ['Prozac', 'Sarafem']),
  med('paroxetine', ['ssri'], ['Paxil', 'Seroxat']),
  med('citalopram', ['ssri'], ['Celexa', 'Cipramil']),
  med('escitalopram', ['ssri'], ['Lexapro', 'Cipralex']),
  med('fluvoxamine', ['ssri'], ['Luvox', 'Faverin']),
  // SNRIs
  med('venlafaxine', ['snri'], ['Effexor', 'Effexor XR']),
  med('desvenlafaxine', ['snri'], ['Pristiq']),
  med('duloxetine', ['snri'], ['Cymbalta']),
  // TCAs
  med('amitriptyline', ['tca'], ['Elavil']),
  med('nortriptyline', ['tca'], ['Pamelor', 'Allegron']),
  med('imipramine', ['tca'], ['Tofranil']),
  med('clomipramine', ['tca'], ['Anafranil']),
  med('doxepin', ['tca'], ['Sinequan', 'Silenor']),
  // MAOIs (moclobemide is a reversible MAO-A inhibitor)
  med('phenelzine', ['maoi'], ['Nardil']),
  med('tranylcypromine', ['maoi'], ['Parnate']),
  med('isocarboxazid', ['maoi'], ['Marplan']),
  med('selegiline', ['maoi'], ['Emsam', 'Eldepryl', 'Zelapar']),
  med('moclobemide', ['maoi'], ['Manerix', 'Aurorix']),
  // Other antidepressants
  med('bupropion', ['other-antidepressant'], ['Wellbutrin', 'Wellbutrin XL', 'Zyban', 'amfebutamone']),
  med('mirtazapine', ['other-antidepressant'], ['Remeron', 'Zispin']),
  med('trazodone', ['other-antidepressant'], ['Desyrel', 'Molipaxin']),
  med(
    'lithium',
    ['mood-stabiliser'],
    ['lithium carbonate', 'lithium citrate', 'Priadel', 'Camcolit', 'Lithobid', 'Eskalith'],
  ),
  // Benzodiazepines
  med('alprazolam', ['benzodiazepine'], ['Xanax', 'Xanax XR']),
  med('diazepam', ['benzodiazepine'], ['Valium']),
  med('lorazepam', ['benzodiazepine'], ['Ativan']),
  med('clonazepam', ['benzodiazepine'], ['Klonopin', 'Rivotril']),
  med('temazepam', ['benzodiazepine'], ['Restoril']),
  med('chlordiazepoxide', ['benzodiazepine'], ['Librium']),
  med('midazolam', ['benzodiazepine'], ['Versed', 'Buccolam']),
  med('clobazam', ['benzodiazepine'], ['Onfi', 'Frisium']),
  // Z-drugs
  med('zolpidem', ['z-drug'], ['Ambien', 'Stilnox']),
  med('zopiclone', ['z-drug'], ['Zimovane', 'Imovane']),
  med('eszopiclone', ['z-drug'], ['Lunesta']),
  med('zaleplon', ['z-drug'], ['Sonata']),
  // Opioids
  med('morphine', ['opioid'], ['MS Contin', 'Oramorph']),
  med('oxycodone', ['opioid'], ['OxyContin', 'Roxicodone', 'Percocet']),
  med('hydrocodone', ['opioid'], ['Vicodin', 'Norco']),
  med('codeine', ['opioid'], ['co-codamol']),
  med('tramadol', ['opioid'], ['Ultram', 'Zydol', 'Tramal']),
  med('tapentadol', ['opioid'], ['Nucynta', 'Palexia']),
  med('fentanyl', ['opioid'], ['Duragesic', 'Durogesic']),
  med('methadone', ['opioid', 'narrow-therapeutic-index'], ['Dolophine', 'Methadose', 'Physeptone']),
  med('buprenorphine', ['opioid'], ['Subutex', 'Suboxone', 'buprenorphine-naloxone', 'Sublocade', 'Butrans']),
  med('meperidine', ['opioid'], ['pethidine', 'Demerol']),
  med('dextromethorphan', [], ['DXM', 'Robitussin DM']),
  // Opioid antagonist
  med('naltrexone', ['opioid-antagonist'], ['Revia', 'Vivitrol']),
  // Oral contraceptives (ethinylestradiol and most progestogens are inactivated by CYP3A4, §2.1)
  med(
    'combined-oral-contraceptive',
    ['oral-contraceptive'],
    [
      'oral contraceptive',
      'combined pill',
      'the pill',
      'birth control pill',
      'contraceptive pill',
      'COC',
      'ethinylestradiol',
      'ethinyl estradiol',
      'Microgynon',
      'Rigevidon',
      'Yasmin',
      'Loestrin',
    ],
    'combined oral contraceptive',
  ),
  med(
    'progestogen-only-pill',
    ['oral-contraceptive'],
    ['mini pill', 'minipill', 'POP', 'desogestrel', 'Cerazette', 'norethisterone pill'],
    'progestogen-only pill',
  ),
  // Vitamin K antagonists
  med('warfarin', ['vitamin-k-antagonist'], ['Coumadin', 'Jantoven', 'Marevan']),
  med('phenprocoumon', ['vitamin-k-antagonist'], ['Marcoumar', 'Marcumar']),
  // Antipsychotics whose levels move with smoking (CYP1A2)
  med('clozapine', ['antipsychotic-cyp1a2'], ['Clozaril', 'Denzapine', 'Zaponex']),
  med('olanzapine', ['antipsychotic-cyp1a2'], ['Zyprexa']),
  // Triptans
  med('sumatriptan', ['triptan'], ['Imitrex', 'Imigran']),
  med('rizatriptan', ['triptan'], ['Maxalt']),
  med('zolmitriptan', ['triptan'], ['Zomig']),
  // Sympathomimetic decongestants (with MAOIs, §2.14)
  med('pseudoephedrine', ['sympathomimetic'], ['Sudafed']),
  med('ephedrine', ['sympathomimetic'], []),
  // Antibiotic with MAO-inhibiting activity (named with MAOIs, §2.14)
  med('linezolid', [], ['Zyvox', 'Zyvoxam']),
  // Medicines listed as contraindicated with St John's Wort (Mannel 2004, §2.1)
  med('ciclosporin', ['sjw-contraindicated'], ['cyclosporine', 'cyclosporin', 'Neoral', 'Sandimmune']),
  med('tacrolimus', ['sjw-contraindicated'], ['Prograf', 'Advagraf']),
  med('irinotecan', ['sjw-contraindicated'], ['Camptosar']),
  med('imatinib', ['sjw-contraindicated'], ['Gleevec', 'Glivec']),
  med('ritonavir', ['sjw-contraindicated'], ['Norvir']),
  med('darunavir', ['sjw-contraindicated'], ['Prezista']),
  med('efavirenz', ['sjw-contraindicated'], ['Sustiva']),
  med('nevirapine', ['sjw-contraindicated'], ['Viramune']),
  // Narrow-therapeutic-index medicines lowered by St John's Wort (§2.1)
  med('digoxin', ['narrow-therapeutic-index'], ['Lanoxin']),
  med('theophylline', ['narrow-therapeutic-index'], ['Uniphyllin', 'Theo-24']),
];
