/**
 * The built-in worksheets (shared/worksheets): valid, complete, printable the right way
 * round, and faithful to the field lists they cite. Reference sections (§) are in
 * ../shared/reference/cbt-practice.md, section 7.
 */
import { describe, expect, it } from 'vitest';
import { defaultPaperSize, firstNameOf, frequencyInWords } from '../../renderer/src/worksheets/WorksheetSheet';
import { builtInDistortions } from '../../shared/templates/distortions';
import { builtInWorksheets, findBuiltInWorksheet } from '../../shared/worksheets/index';
import { worksheetSchema } from '../../shared/worksheets/schema';
import type { WorksheetBlock, WorksheetDef } from '../../shared/worksheets/types';
import { contactSources } from '../../shared/worksheets/types';

type Kind = WorksheetBlock['kind'];
type BlockOf<K extends Kind> = Extract<WorksheetBlock, { kind: K }>;

function worksheet(id: string): WorksheetDef {
  const found = findBuiltInWorksheet(id);
  if (found === undefined) throw new Error(`no built-in worksheet ${id}`);
  return found;
}

function blocks<K extends Kind>(def: WorksheetDef, kind: K): BlockOf<K>[] {
  return def.blocks.filter((block): block is BlockOf<K> => block.kind === kind);
}

function block<K extends Kind>(def: WorksheetDef, kind: K, id: string): BlockOf<K> {
  const found = blocks(def, kind).find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`${def.id} has no ${kind} block ${id}`);
  return found;
}

/** Every string a worksheet would print (or show the therapist), in one list. */
function everyText(def: WorksheetDef): string[] {
  const out = [def.title, def.purpose, def.instructions, def.source ?? ''];
  for (const each of def.blocks) {
    switch (each.kind) {
      case 'text':
        out.push(each.heading ?? '', each.body);
        break;
      case 'reference':
        out.push(each.heading ?? '', ...each.items.flatMap((item) => [item.term, item.description]));
        break;
      case 'table':
        out.push(each.heading ?? '', each.rowHeading ?? '', ...each.columns.flatMap((c) => [c.heading, c.hint ?? '']));
        if (Array.isArray(each.rows)) out.push(...each.rows);
        break;
      case 'steps':
        out.push(each.heading ?? '', ...each.steps.flatMap((step) => [step.title, step.prompt ?? '']));
        break;
      case 'fields':
        out.push(each.heading ?? '', ...each.fields.map((field) => field.label));
        break;
      case 'scale':
        out.push(each.label, ...each.anchors.map((anchor) => anchor.label));
        break;
    }
  }
  return out;
}

/** What a printed grid has, by kind: every column heading of every table. */
function columnHeadings(def: WorksheetDef): string[] {
  return blocks(def, 'table').flatMap((table) => table.columns.map((column) => column.heading));
}

function rowLabels(def: WorksheetDef): string[] {
  return blocks(def, 'table').flatMap((table) => (Array.isArray(table.rows) ? table.rows : []));
}

const REQUIRED_IDS = [
  'thought-record-7',
  'thought-record-3',
  'activity-monitoring',
  'activity-scheduling',
  'fear-ladder',
  'exposure-log',
  'problem-solving',
  'worry-log',
  'worry-time',
  'sleep-diary',
  'distortions-reference',
  'safety-plan',
  'free-form',
];

const all = builtInWorksheets.map((def) => ({ id: def.id, def }));

describe('every built-in worksheet', () => {
  it.each(all)('$id passes worksheetSchema', ({ def }) => {
    const parsed = worksheetSchema.safeParse(def);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  // A handout goes home with the client: its printed source names a publication or says
  // it is common practice, never a website, blog or commercial product.
  it.each(all)('$id cites no website or commercial site on the handout', ({ def }) => {
    expect(def.source ?? '').not.toMatch(/https?:|www\.|\.(com|app|org|net|dev|io|co)\b/i);
    expect(def.source ?? '').not.toMatch(
      /thrivetalk|therapistassist|yung-sidekick|anxiety-aid|cbt4panic|mymindmywellness/i,
    );
  });

  it('ids are unique and the library holds exactly the required worksheets', () => {
    const ids = builtInWorksheets.map((def) => def.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...REQUIRED_IDS].sort());
  });

  // The safety plan is at version 2: its contact rows each print their own contact (issue 12).
  it.each(all)('$id is built-in, at its version, with a purpose and a source', ({ def }) => {
    expect(def.builtIn).toBe(true);
    expect(def.version).toBe(def.id === 'safety-plan' ? 2 : 1);
    expect(def.purpose.trim().length).toBeGreaterThan(20);
    expect(def.source?.trim().length ?? 0).toBeGreaterThan(20);
  });

  it.each(all)('$id has unique block ids, and unique column ids in each table', ({ def }) => {
    const ids = def.blocks.map((each) => each.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const table of blocks(def, 'table')) {
      const columns = table.columns.map((column) => column.id);
      expect(new Set(columns).size).toBe(columns.length);
    }
  });

  it.each(all)('$id speaks to the client without diagnosis words', ({ def }) => {
    // Client-facing: the sheet goes home with the client (the brief: no diagnosis words).
    const printed = [def.title, def.instructions, ...everyText(def).slice(4)].join(' ');
    expect(printed).not.toMatch(
      /\b(depress\w*|disorder|GAD|PTSD|OCD|insomnia|diagnos\w*|symptom\w*|suicid\w*|psychiatric)\b/i,
    );
  });

  it('is frozen, so no caller can change a definition in place', () => {
    expect(Object.isFrozen(builtInWorksheets)).toBe(true);
    const record = worksheet('thought-record-7');
    expect(Object.isFrozen(record)).toBe(true);
    expect(Object.isFrozen(record.blocks[0])).toBe(true);
    expect(() => {
      (record as { title: string }).title = 'changed';
    }).toThrow(TypeError);
  });

  it('findBuiltInWorksheet finds by id and answers undefined for an unknown one', () => {
    expect(findBuiltInWorksheet('sleep-diary')?.title).toBe('Sleep diary');
    expect(findBuiltInWorksheet('no-such-sheet')).toBeUndefined();
  });
});

/**
 * Wide grids print landscape; single-column or short sheets portrait.
 * A table wider than four columns (row heading counted) cannot be written in legibly on
 * a portrait page, so it must be landscape.
 */
describe('orientation', () => {
  it.each([
    { id: 'thought-record-7', orientation: 'landscape' },
    { id: 'thought-record-3', orientation: 'portrait' },
    { id: 'activity-monitoring', orientation: 'landscape' },
    { id: 'activity-scheduling', orientation: 'landscape' },
    { id: 'exposure-log', orientation: 'landscape' },
    { id: 'worry-log', orientation: 'landscape' },
    { id: 'sleep-diary', orientation: 'landscape' },
    { id: 'fear-ladder', orientation: 'portrait' },
    { id: 'worry-time', orientation: 'portrait' },
    { id: 'problem-solving', orientation: 'portrait' },
    { id: 'distortions-reference', orientation: 'portrait' },
    { id: 'safety-plan', orientation: 'portrait' },
    { id: 'free-form', orientation: 'portrait' },
  ])('$id prints $orientation', ({ id, orientation }) => {
    expect(worksheet(id).orientation).toBe(orientation);
  });

  it.each(all)('$id: a table with more than four columns is landscape', ({ def }) => {
    const widest = Math.max(0, ...blocks(def, 'table').map((t) => t.columns.length + (t.rowHeading ? 1 : 0)));
    if (widest > 4) expect(def.orientation).toBe('landscape');
  });
});

/** Each row: the reference section, the worksheet, and what the reference says it must hold. */
describe('fields from the reference are present', () => {
  it.each([
    {
      ref: '§7a 7-column record (Greenberger & Padesky)',
      id: 'thought-record-7',
      columns: [
        'Situation',
        'Moods',
        'Automatic thoughts (images)',
        'Evidence that supports the hot thought',
        'Evidence that does not support the hot thought',
        'Alternative or balanced thought',
        'Rate moods now',
      ],
    },
    { ref: '§7a simpler 3-column record', id: 'thought-record-3', columns: ['Situation', 'Thought', 'Feeling'] },
    {
      ref: '§7c activity schedule: activity, mood, mastery, pleasure 0–10',
      id: 'activity-monitoring',
      columns: ['What I did', 'Mood 0–10', 'Mastery 0–10', 'Pleasure 0–10'],
    },
    {
      ref: '§7c predicted mood before, actual mood, mastery and pleasure after',
      id: 'activity-scheduling',
      columns: ['Planned activity', 'Predicted mood 0–10', 'Actual mood 0–10', 'Mastery 0–10', 'Pleasure 0–10'],
    },
    { ref: '§7d 10–15 situations with SUDS 0–100', id: 'fear-ladder', columns: ['Situation', 'SUDS 0–100'] },
    {
      ref: '§7d per-exposure log',
      id: 'exposure-log',
      columns: [
        'Date and time',
        'Situation',
        'How long',
        'SUDS before',
        'SUDS peak',
        'SUDS after',
        'Safety behaviours dropped',
        'What I predicted',
        'What happened',
      ],
    },
    {
      ref: '§7g worry log (unconfirmed there: common practice)',
      id: 'worry-log',
      columns: [
        'Date and time',
        'What set it off?',
        'The worry',
        'Anxiety',
        'Practical or hypothetical?',
        'Saved for worry time?',
        'What happened?',
      ],
    },
  ])('$ref: $id has its columns in order', ({ id, columns }) => {
    expect(columnHeadings(worksheet(id))).toEqual(columns);
  });

  it('§7a: the 7-column record asks for mood ratings 0–100% and circling the hot thought', () => {
    const text = everyText(worksheet('thought-record-7')).join(' ');
    expect(text).toMatch(/0–100%/);
    expect(text).toMatch(/hot thought/);
  });

  it('§7c: activity monitoring has one row an hour from 6 am to midnight', () => {
    const rows = rowLabels(worksheet('activity-monitoring'));
    expect(rows).toHaveLength(18);
    expect(rows[0]).toBe('6–7 am');
    expect(rows).toContain('11 am–12 pm');
    expect(rows.at(-1)).toBe('11 pm–12 am');
  });

  it('§7c: the activity plan covers every day of the week, in three parts each', () => {
    const rows = rowLabels(worksheet('activity-scheduling'));
    expect(rows).toHaveLength(21);
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      expect(rows.filter((row) => row.startsWith(day))).toHaveLength(3);
    }
  });

  it('§7d: the fear ladder has a theme, 12 steps least to most distressing, and a SUDS scale with anchors', () => {
    const ladder = worksheet('fear-ladder');
    expect(blocks(ladder, 'fields').flatMap((each) => each.fields.map((field) => field.label))).toContain(
      'My fear theme',
    );
    const rows = block(ladder, 'table', 'ladder').rows;
    expect(rows).toHaveLength(12);
    expect(Array.isArray(rows) && rows[0]).toMatch(/least/);
    expect(Array.isArray(rows) && rows[11]).toMatch(/most/);
    const suds = block(ladder, 'scale', 'suds');
    expect([suds.min, suds.max]).toEqual([0, 100]);
    expect(suds.anchors.map((anchor) => anchor.value)).toEqual([0, 50, 100]);
  });

  it('§7e: problem solving has the seven steps, and says it is common practice', () => {
    const def = worksheet('problem-solving');
    const titles = blocks(def, 'steps').flatMap((each) => each.steps.map((step) => step.title));
    expect(titles).toEqual([
      'Describe the problem',
      'Set a goal',
      'List possible solutions',
      'Weigh up the pros and cons',
      'Choose a solution',
      'Make an action plan',
      'Do it, then review',
    ]);
    expect(def.source).toMatch(/^Common practice/);
  });

  it.each(['worry-log', 'worry-time'])('§7g: %s says honestly that it is common practice', (id) => {
    expect(worksheet(id).source).toMatch(/^Common practice/);
  });

  it('§7g: worry time has a slot (when, where, how long) and steps for using it', () => {
    const def = worksheet('worry-time');
    const labels = block(def, 'fields', 'slot').fields.map((field) => field.label);
    expect(labels.map((label) => label.split(' ')[0])).toEqual(['When', 'Where', 'How']);
    expect(block(def, 'steps', 'how').steps.length).toBeGreaterThanOrEqual(4);
  });

  it.each([
    { item: 'date', pattern: /^Date$/ },
    { item: 'time into bed', pattern: /^Time you got into bed/ },
    { item: 'time tried to sleep (lights out)', pattern: /^Time you tried to go to sleep/ },
    { item: 'minutes to fall asleep (SOL)', pattern: /^Minutes it took to fall asleep/ },
    { item: 'number of awakenings', pattern: /^Times you woke up in the night/ },
    { item: 'minutes awake in the night (WASO)', pattern: /^Total minutes awake in the night/ },
    { item: 'final wake time', pattern: /^Time you woke up for the last time/ },
    { item: 'time out of bed', pattern: /^Time you got out of bed/ },
    { item: 'estimated total sleep', pattern: /^Hours of sleep in total/ },
    { item: 'sleep quality', pattern: /^Sleep quality/ },
    { item: 'how rested', pattern: /^How rested/ },
    { item: 'naps', pattern: /^Naps/ },
    { item: 'caffeine', pattern: /^Caffeine/ },
    { item: 'alcohol', pattern: /^Alcohol/ },
    { item: 'medicines or sleep aids', pattern: /^Medicines or sleep aids/ },
    { item: 'exercise', pattern: /^Exercise/ },
    { item: 'last hour before bed', pattern: /hour before bed/ },
    { item: 'mood 0–10', pattern: /^Mood today/ },
  ])('§7f Consensus Sleep Diary (Carney et al. 2012): the sleep diary asks about $item', ({ pattern }) => {
    expect(rowLabels(worksheet('sleep-diary')).filter((row) => pattern.test(row))).toHaveLength(1);
  });

  it('§7f: the sleep diary is one week per sheet (seven day columns) and cites Carney et al. 2012', () => {
    const def = worksheet('sleep-diary');
    for (const table of blocks(def, 'table')) expect(table.columns).toHaveLength(7);
    expect(def.source).toMatch(/Carney.*\(2012\).*Consensus Sleep Diary/);
  });

  it('§7b: the thinking-traps reference lists the ten Burns distortions, with the source', () => {
    const def = worksheet('distortions-reference');
    const items = block(def, 'reference', 'distortions').items;
    expect(items.map((item) => item.term)).toEqual(builtInDistortions.map((distortion) => distortion.label));
    expect(items.every((item) => item.description.length > 20)).toBe(true);
    expect(def.source).toMatch(/Burns.*Feeling Good/);
  });

  it('§7h: the safety plan has the six Stanley–Brown steps, in order, plus the one most important thing', () => {
    const def = worksheet('safety-plan');
    const steps = block(def, 'steps', 'steps').steps;
    expect(steps).toHaveLength(6);
    const expected = [
      /warning signs/i,
      /on my own/i,
      /people and places/i,
      /ask for help/i,
      /professionals/i,
      /safer/i,
    ];
    steps.forEach((step, index) => {
      expect(step.title).toMatch(expected[index] ?? /never/);
    });
    expect(block(def, 'steps', 'important').steps.map((step) => step.title)).toEqual([
      'The one thing that is most important to me',
    ]);
    expect(def.source).toMatch(/Stanley.*Brown.*2012/);
  });

  it('§7h: the safety plan takes its contacts from the therapist, each row its own, and has no phone number of its own', () => {
    const def = worksheet('safety-plan');
    const sources = blocks(def, 'fields')
      .flatMap((each) => each.fields)
      .map((field) => field.prefilledFrom)
      .filter((source) => source !== undefined);
    // Each contact fills one row only (the mapping is tested in safetyPlanContacts.test.ts).
    expect([...sources].sort()).toEqual([...contactSources].sort());
    // Digits that look like a phone number: 7+ digit characters in a run (with spaces,
    // dots, dashes or brackets between), or a well-known short emergency / crisis number.
    const text = everyText(def).join('\n');
    expect(text).not.toMatch(/\+?\d[\d\s().-]{5,}\d/);
    expect(text).not.toMatch(/\b(911|988|999|112|000|111|741741|116 ?123)\b/);
  });

  it('free-form points to the therapist’s instructions and leaves a lined area', () => {
    const def = worksheet('free-form');
    expect(blocks(def, 'text').map((each) => each.body)).toContain('Your therapist’s instructions are above.');
    expect(blocks(def, 'steps').flatMap((each) => each.steps.map((step) => step.lines))[0]).toBeGreaterThanOrEqual(10);
  });
});

/**
 * The client sheet's header (renderer/src/worksheets/WorksheetSheet.tsx): a sheet goes
 * home with the client, so it carries a first name only, never a surname.
 */
describe('what a client sheet says about the client and the assignment', () => {
  it.each([
    { preferredName: '', displayName: 'Zoë Ångström-Whitaker', expected: 'Zoë' },
    { preferredName: 'Sam Lee', displayName: 'Samantha Lee', expected: 'Sam' },
    { preferredName: '  ', displayName: '  Jo  Bloggs ', expected: 'Jo' },
    { preferredName: '', displayName: 'Whitaker, Zoë Anne', expected: 'Zoë' },
  ])('$displayName (preferred "$preferredName") is called $expected', ({ preferredName, displayName, expected }) => {
    expect(firstNameOf({ preferredName, displayName })).toBe(expected);
  });

  it.each([
    { frequency: { kind: 'once' } as const, expected: 'Once' },
    { frequency: { kind: 'daily' } as const, expected: 'Every day' },
    { frequency: { kind: 'perWeek', times: 1 } as const, expected: 'Once a week' },
    { frequency: { kind: 'perWeek', times: 2 } as const, expected: 'Twice a week' },
    { frequency: { kind: 'perWeek', times: 5 } as const, expected: '5 times a week' },
    { frequency: { kind: 'custom', text: 'Before each meeting' } as const, expected: 'Before each meeting' },
  ])('frequency $frequency.kind reads "$expected"', ({ frequency, expected }) => {
    expect(frequencyInWords(frequency)).toBe(expected);
  });

  it.each([
    { language: 'en-US', paper: 'letter' },
    { language: 'en-CA', paper: 'letter' },
    { language: 'fr-CA', paper: 'letter' },
    { language: 'en-GB', paper: 'a4' },
    { language: 'de-DE', paper: 'a4' },
    { language: 'en', paper: 'a4' },
  ])('paper size defaults to $paper for $language', ({ language, paper }) => {
    expect(defaultPaperSize(language)).toBe(paper);
  });
});
