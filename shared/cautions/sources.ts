/**
 * Sources cited by the cautions, as recorded in ../shared/reference/clinical-facts.md
 * (sections 1 and 2). Where the reference gives no article title, the title describes the
 * work and names its first author; where it gives no year, the year is null (never guessed).
 * Grades follow the reference: a secondary copy of an agency statement is graded S.
 */
import type { Source } from './types';

export const sources = {
  // Kratom (§1)
  post2019: {
    title: 'Post S et al.: kratom exposures reported to US poison centres, 2011-2017',
    publisher: 'Clinical Toxicology',
    year: 2019,
    grade: 'P',
  },
  psychNews2019: {
    title: 'Kratom Linked to Seizures, Altered Heart Rhythms',
    publisher: 'Psychiatric News (American Psychiatric Association)',
    year: 2019,
    url: 'https://psychiatryonline.org/doi/10.1176/appi.pn.2019.5a2',
    grade: 'S',
  },
  cdcKratom2019: {
    title: "O'Malley Olsen E et al.: overdose deaths with kratom detected, July 2016 to December 2017",
    publisher: 'Morbidity and Mortality Weekly Report (CDC)',
    year: 2019,
    grade: 'A',
  },
  boweKerr2020: {
    title: 'Bowe & Kerr: kratom dependence with worsening depression and anxiety, case report',
    publisher: 'Journal of Psychoactive Drugs',
    year: 2020,
    grade: 'P',
  },
  cureus2023: {
    title: 'Kratom use disorder after self-treatment of anxiety and depression, case report',
    publisher: 'Cureus',
    year: 2023,
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC10386870',
    grade: 'P',
  },
  pharmBiol2025: {
    title: 'Review of 7-hydroxymitragynine pharmacology and toxicity',
    publisher: 'Pharmaceutical Biology',
    year: 2025,
    url: 'https://doi.org/10.1080/13880209.2025.2590311',
    grade: 'P',
  },
  smith2024: {
    title: 'The rise of novel, semi-synthetic 7-hydroxymitragynine products',
    publisher: 'Addiction',
    year: 2024,
    url: 'https://doi.org/10.1111/add.16728',
    grade: 'P',
  },
  schimmelDart2020: {
    title: 'Kratom (Mitragyna Speciosa) Liver Injury: A Comprehensive Review',
    publisher: 'Drugs',
    year: 2020,
    grade: 'P',
  },
  navarro2019: {
    title: 'Navarro V et al.: kratom liver injury in the Drug-Induced Liver Injury Network (abstract 0212)',
    publisher: 'AASLD annual meeting (abstract, via clintox.org)',
    year: 2019,
    grade: 'P',
  },
  leongSingh2021: {
    title: 'Leong Bin Abdullah & Singh: cardiac effects of kratom and mitragynine',
    publisher: 'Frontiers in Pharmacology',
    year: 2021,
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC8504575',
    grade: 'P',
  },
  ellis2020: {
    title: 'Evaluating kratom alkaloids using PHASE',
    publisher: 'PLoS One (FDA CDER authors)',
    year: 2020,
    url: 'https://doi.org/10.1371/journal.pone.0229646',
    grade: 'P',
  },
  leon2021: {
    title: "Activity of Mitragyna speciosa ('Kratom') Alkaloids at Serotonin Receptors",
    publisher: 'Journal of Medicinal Chemistry',
    year: 2021,
    grade: 'P',
  },
  tanna2021: {
    title: 'Refined prediction of pharmacokinetic kratom-drug interactions: time-dependent inhibition considerations',
    publisher: 'Journal of Pharmacology and Experimental Therapeutics',
    year: 2021,
    grade: 'P',
  },
  shmNaltrexoneKratom: {
    title: 'Naltrexone-Induced Kratom Withdrawal: A Call for Awareness',
    publisher: 'Society of Hospital Medicine (meeting abstract, shmabstracts.org)',
    year: null,
    grade: 'P',
  },
  striley2022: {
    title: 'Striley CW et al.: health effects of kratom and polysubstance use, narrative review',
    publisher: 'Substance Abuse: Research and Treatment',
    year: 2022,
    url: 'https://doi.org/10.1177/11782218221095873',
    grade: 'P',
  },
  kratomRecall2018: {
    title: 'News reports of the FDA mandatory recall of powdered kratom products (Salmonella)',
    publisher: 'kobi5.com and njmep.org, quoting the FDA',
    year: 2018,
    grade: 'S',
  },
  kratomMetals2019: {
    title: 'Report of FDA testing that found lead and nickel in kratom products',
    publisher: 'medshadow.org',
    year: 2019,
    grade: 'S',
  },
  fda7oh2025: {
    title: 'News reports of the FDA/HHS recommendation to place 7-OH in Schedule I',
    publisher: 'dpa-AFX via finanznachrichten.de, quoting the FDA',
    year: 2025,
    grade: 'S',
  },
  kratomLegal2024: {
    title: 'Compilations of US state and local kratom restrictions',
    publisher: 'vendor and blog pages (best420coupons.com and others)',
    year: 2024,
    grade: 'S',
  },
  thailandKratom2022: {
    title: 'Thailand: Kratom Plant Act B.E. 2565, legal update',
    publisher: 'Tilleke & Gibbins',
    year: 2022,
    grade: 'S',
  },
  grundmann2023: {
    title: 'Grundmann O et al.: online survey of people who use kratom, mood and anxiety self-reports',
    publisher: 'Experimental and Clinical Psychopharmacology',
    year: 2023,
    url: 'https://doi.org/10.1037/pha0000632',
    grade: 'P',
  },
  kratomMetaAnalysis2024: {
    title: 'Meta-analysis of 36 studies on kratom use and mental-health indicators',
    publisher: 'European Addiction Research',
    year: 2024,
    grade: 'P',
  },

  // Opioids, benzodiazepines, alcohol (§2.10, §2.13)
  fdaOpioidBenzo2016: {
    title: 'FDA Drug Safety Communication: boxed warnings on combined use of opioids and benzodiazepines',
    publisher: 'US Food and Drug Administration (summarised by University of Utah Pharmacy Services)',
    year: 2016,
    grade: 'A',
  },
  fdaBenzo2020: {
    title: 'FDA Drug Safety Communication: boxed warning updated for all benzodiazepines',
    publisher: 'US Food and Drug Administration',
    year: 2020,
    grade: 'A',
  },
  fdaOpioidSerotonin2016: {
    title: 'FDA Drug Safety Communication: opioid pain medicines and serotonin syndrome',
    publisher: 'US Food and Drug Administration',
    year: 2016,
    grade: 'A',
  },
  niaaa2025: {
    title: 'Alcohol-Medication Interactions: Potentially Dangerous Mixes',
    publisher: 'National Institute on Alcohol Abuse and Alcoholism (NIH)',
    year: 2025,
    grade: 'A',
  },

  // St John's Wort (§2.1)
  henderson2002: {
    title: "Henderson L et al.: St John's wort interactions, review of literature and regulator reports",
    publisher: 'British Journal of Clinical Pharmacology',
    year: 2002,
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC1874438',
    grade: 'P',
  },
  mannel2004: {
    title: "Mannel M: drug interactions with St John's wort",
    publisher: 'Drug Safety',
    year: 2004,
    grade: 'P',
  },
  ukmi2012: {
    title: "Medicines Q&A 214.2: St John's wort and hormonal contraceptives",
    publisher: 'UK Medicines Information (NHS)',
    year: 2012,
    grade: 'A',
  },
  usPharmacistSjw: {
    title: "Alert St. John's Wort Users to Potential Interactions",
    publisher: 'US Pharmacist',
    year: null,
    grade: 'S',
  },

  // 5-HTP, SAMe (§2.2, §2.3)
  stLukes5htp2007: {
    title: '5-HTP interaction monograph',
    publisher: "St Luke's / VeriMed",
    year: 2007,
    grade: 'S',
  },
  philstar2003: {
    title: 'Report on the "peak X" contaminant in 5-HTP products',
    publisher: 'Philstar',
    year: 2003,
    grade: 'S',
  },
  drugsComSame2023: {
    title: 'SAMe natural product monograph',
    publisher: 'Drugs.com',
    year: 2023,
    grade: 'S',
  },
  sameEscitalopramCase: {
    title: 'Mania with psychotic features during SAMe and escitalopram, case report',
    publisher: 'PubMed Central (PMC6040551)',
    year: null,
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6040551',
    grade: 'P',
  },

  // Kava, valerian, melatonin (§2.4-2.6)
  cdcKava2002: {
    title: 'Hepatic toxicity possibly associated with kava-containing products (liver transplants, 1999-2002)',
    publisher: 'Morbidity and Mortality Weekly Report (CDC)',
    year: 2002,
    grade: 'A',
  },
  liverToxKava2018: {
    title: 'LiverTox: Kava Kava',
    publisher: 'NIDDK (NIH)',
    year: 2018,
    url: 'https://www.ncbi.nlm.nih.gov/books/n/livertox/KavaKava/',
    grade: 'A',
  },
  kavaAlcohol2009: {
    title: 'Review of kava hepatotoxicity mechanisms, including co-ingested alcohol (PubMed 19943335)',
    publisher: 'PubMed-indexed review',
    year: 2009,
    url: 'https://pubmed.ncbi.nlm.nih.gov/19943335/',
    grade: 'P',
  },
  teschke2010: {
    title: 'Teschke R: kava hepatotoxicity, risk factors',
    publisher: 'Liver International',
    year: 2010,
    grade: 'P',
  },
  liverToxValerian2020: {
    title: 'LiverTox: Valerian',
    publisher: 'NIDDK (NIH)',
    year: 2020,
    url: 'https://www.ncbi.nlm.nih.gov/books/NBK548255/',
    grade: 'A',
  },
  stLukesValerian2007: {
    title: 'Valerian interaction monograph',
    publisher: "St Luke's / VeriMed",
    year: 2007,
    grade: 'S',
  },
  cohenMelatonin2023: {
    title: 'Cohen PA et al.: melatonin content of gummy products, research letter',
    publisher: 'JAMA',
    year: 2023,
    url: 'https://jamanetwork.com/journals/jama/fullarticle/2804077',
    grade: 'P',
  },
  medicineNetMelatonin2014: {
    title: 'Melatonin consumer monograph',
    publisher: 'MedicineNet',
    year: 2014,
    grade: 'S',
  },

  // Phenibut, tianeptine (§2.7, §2.8)
  cohenPhenibut2022: {
    title: 'Quantity of phenibut in dietary supplements before and after FDA warnings',
    publisher: 'Clinical Toxicology',
    year: 2022,
    url: 'https://doi.org/10.1080/15563650.2021.1973020',
    grade: 'P',
  },
  mccabe2019: {
    title: 'McCabe DJ et al.: phenibut calls to the Minnesota poison centre, 2000-2018',
    publisher: 'American Journal of Emergency Medicine',
    year: 2019,
    grade: 'P',
  },
  hopkinsPhenibut: {
    title: 'Podcast interview on phenibut (E. Strain)',
    publisher: 'Johns Hopkins',
    year: null,
    grade: 'S',
  },
  cdcTianeptine2018: {
    title: 'El Zahran T et al.: tianeptine exposures reported to US poison centres, 2000-2017',
    publisher: 'Morbidity and Mortality Weekly Report (CDC)',
    year: 2018,
    grade: 'A',
  },
  fdaTianeptine2024: {
    title: 'News reports of FDA warnings about tianeptine products (Neptune’s Fix)',
    publisher: 'KGW, NBC and RTT News, quoting the FDA',
    year: 2024,
    grade: 'S',
  },

  // Cannabis and CBD (§2.9)
  brownWinterstein2019: {
    title: 'Brown JD, Winterstein AG: drug interactions and adverse events of FDA-approved cannabinoid products',
    publisher: 'Journal of Clinical Medicine',
    year: 2019,
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6678684',
    grade: 'P',
  },
  smithCannabinoid2024: {
    title: 'Smith SA et al.: cannabinoid drug interactions, systematic review (via NEI summary)',
    publisher: 'Drug Metabolism Reviews',
    year: 2024,
    grade: 'P',
  },
  hemp24Warfarin: {
    title: 'Page on THC/CBD and warfarin',
    publisher: 'hemp24.ch',
    year: null,
    grade: 'S',
  },
  zullino2002: {
    title: 'Zullino DF et al.: stopping smoking and clozapine or olanzapine levels',
    publisher: 'International Clinical Psychopharmacology',
    year: 2002,
    grade: 'P',
  },

  // Caffeine, smoking (§2.11, §2.12)
  culmMerdek2005: {
    title: 'Culm-Merdek KE et al.: fluvoxamine and caffeine clearance',
    publisher: 'British Journal of Clinical Pharmacology',
    year: 2005,
    grade: 'P',
  },
  caffeineReview2001: {
    title: 'Caffeine: the forgotten variable (review abstract)',
    publisher: 'journal not identified in the reference',
    year: 2001,
    grade: 'P',
  },
  andrade2012: {
    title: 'Andrade C: Schizophrenia and Smoking',
    publisher: 'Journal of Clinical Psychiatry',
    year: 2012,
    grade: 'P',
  },
  nhsggcClozapine: {
    title: 'Clozapine and smoking',
    publisher: 'NHS Greater Glasgow & Clyde Medicines Companion',
    year: null,
    grade: 'A',
  },

  // Prescribed-drug cross-notes (§2.14)
  cmdtMaoi: {
    title: 'Monoamine Oxidase Inhibitors',
    publisher: 'CMDT (AccessMedicine textbook)',
    year: null,
    grade: 'S',
  },
  eastSussexFormulary: {
    title: 'Formulary section 4.3.2: monoamine oxidase inhibitors',
    publisher: 'East Sussex formulary (NHS)',
    year: null,
    grade: 'A',
  },
  flockhart2012: {
    title: 'Flockhart DA: dietary and drug interactions of MAOIs, an update',
    publisher: 'Journal of Clinical Psychiatry',
    year: 2012,
    grade: 'P',
  },
  bupropionLabelQuoted: {
    title: 'Bupropion prescribing information, as quoted by a secondary site',
    publisher: 'droracle.ai',
    year: null,
    grade: 'S',
  },
  bupropionMonograph: {
    title: 'Bupropion consumer monograph (First Databank)',
    publisher: 'ipharmacy.com',
    year: null,
    grade: 'S',
  },
} satisfies Record<string, Source>;

export type SourceId = keyof typeof sources;
