/**
 * The built-in note templates (shared/templates): valid, complete, and faithful to the
 * reference they cite. Reference sections (§) are in ../shared/reference/cbt-practice.md.
 */
import { describe, expect, it } from 'vitest';
import { builtInDistortions, source as distortionsSource } from '../../shared/templates/distortions';
import { builtInTemplates, findBuiltInTemplate } from '../../shared/templates/index';
import { templateSchema } from '../../shared/templates/schema';
import type { FieldDef, ScalarField, SectionDef, TemplateDef } from '../../shared/templates/types';
import { emptyValues } from '../../shared/templates/values';

function template(id: string): TemplateDef {
  const found = findBuiltInTemplate(id);
  if (found === undefined) throw new Error(`no built-in template ${id}`);
  return found;
}

function section(def: TemplateDef, id: string): SectionDef {
  const found = def.sections.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`${def.id} has no section ${id}`);
  return found;
}

function field(def: TemplateDef, id: string): FieldDef {
  const found = def.sections.flatMap((candidate) => candidate.fields).find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`${def.id} has no field ${id}`);
  return found;
}

/** Every field, including group sub-fields, with where it sits. */
function everyField(def: TemplateDef): { path: string; field: FieldDef | ScalarField }[] {
  return def.sections.flatMap((candidate) =>
    candidate.fields.flatMap((top) => [
      { path: `${candidate.id}.${top.id}`, field: top },
      ...(top.kind === 'group'
        ? top.fields.map((sub) => ({ path: `${candidate.id}.${top.id}.${sub.id}`, field: sub }))
        : []),
    ]),
  );
}

const cbt = template('cbt-session');

describe('every built-in template', () => {
  it.each(builtInTemplates.map((def) => ({ id: def.id, def })))('$id passes templateSchema', ({ def }) => {
    const parsed = templateSchema.safeParse(def);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('the built-ins are exactly the seven the issue names, with unique ids', () => {
    const ids = builtInTemplates.map((def) => def.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      ['birp', 'cbt-session', 'dap', 'girp', 'intake-assessment', 'psychotherapy-note', 'soap'].sort(),
    );
  });

  it.each(builtInTemplates.map((def) => ({ id: def.id, def })))(
    '$id is built-in, version 1, and cites a source',
    ({ def }) => {
      expect(def.builtIn).toBe(true);
      expect(def.version).toBe(1);
      expect(def.source?.trim().length ?? 0).toBeGreaterThan(20);
      expect(def.description.trim().length).toBeGreaterThan(20);
    },
  );

  it.each(builtInTemplates.map((def) => ({ id: def.id, def })))(
    '$id gives every rich-text field a placeholder',
    ({ def }) => {
      const missing = everyField(def)
        .filter(({ field: candidate }) => candidate.kind === 'richText' && !candidate.placeholder?.trim())
        .map(({ path }) => path);
      expect(missing).toEqual([]);
    },
  );

  it.each(builtInTemplates.map((def) => ({ id: def.id, def })))(
    '$id renders a complete empty note (a value for every field, and every sub-field in each group row)',
    ({ def }) => {
      const values = emptyValues(def);
      for (const { field: top } of everyField(def).filter(({ path }) => path.split('.').length === 2)) {
        expect(Object.hasOwn(values, top.id), top.id).toBe(true);
        if (top.kind === 'group') {
          const rows = values[top.id];
          expect(Array.isArray(rows) && rows.length).toBe(top.minRows ?? 1);
          for (const row of rows as Record<string, unknown>[]) {
            expect(Object.keys(row).sort()).toEqual(top.fields.map((sub) => sub.id).sort());
          }
        }
      }
      const topIds = def.sections.flatMap((candidate) => candidate.fields.map((top) => top.id));
      expect(Object.keys(values).sort()).toEqual([...topIds].sort());
    },
  );

  it('labels, help and placeholders use British spelling ("behaviour", not "behavior")', () => {
    const american = builtInTemplates.flatMap((def) =>
      everyField(def)
        .flatMap(({ path, field: candidate }) => [
          [path, candidate.label],
          [path, candidate.help ?? ''],
          [path, 'placeholder' in candidate ? (candidate.placeholder ?? '') : ''],
          ...('options' in candidate ? candidate.options.map((option) => [path, option.label]) : []),
        ])
        .concat(def.sections.map((candidate) => [candidate.id, `${candidate.title} ${candidate.help ?? ''}`]))
        .concat([[def.id, `${def.name} ${def.description}`]])
        .filter(([, text]) => /behavior|\bcolor|summariz|organiz|recogniz/i.test(text ?? '')),
    );
    expect(american).toEqual([]);
  });

  it('are frozen, so no caller can change a built-in in place', () => {
    expect(Object.isFrozen(cbt)).toBe(true);
    expect(Object.isFrozen(cbt.sections[0]?.fields[0])).toBe(true);
    expect(() => {
      (cbt as { name: string }).name = 'changed';
    }).toThrow(TypeError);
  });

  it('findBuiltInTemplate finds by id and returns undefined for an unknown id', () => {
    expect(findBuiltInTemplate('soap')?.name).toBe('SOAP note');
    expect(findBuiltInTemplate('no-such-template')).toBeUndefined();
  });

  it('the psychotherapy note is the only psychotherapy kind; every other built-in is a progress note (§6, [S10])', () => {
    expect(builtInTemplates.filter((def) => def.noteKind === 'psychotherapy').map((def) => def.id)).toEqual([
      'psychotherapy-note',
    ]);
    expect(builtInTemplates.filter((def) => def.noteKind !== 'progress').length).toBe(1);
  });
});

describe('the CBT session template (Beck structure, §5a; structured CBT note fields, §5b)', () => {
  it('has the sections in Beck order with the note fields around them', () => {
    expect(cbt.sections.map((candidate) => candidate.id)).toEqual([
      'header',
      'moodCheck',
      'intake',
      'bridge',
      'agenda',
      'homeworkReview',
      'agendaWork',
      'cognitiveWork',
      'interventions',
      'clientResponse',
      'risk',
      'newHomework',
      'summary',
      'feedback',
      'plan',
    ]);
  });

  const rows: { why: string; section: string; id: string; kind: FieldDef['kind'] }[] = [
    { why: 'header: session date and time (§5b header)', section: 'header', id: 'sessionAt', kind: 'dateTime' },
    { why: 'header: duration (§5b header)', section: 'header', id: 'duration', kind: 'number' },
    { why: 'header: session number (§5b header)', section: 'header', id: 'sessionNumber', kind: 'sessionNumber' },
    { why: 'header: modality (§5b header)', section: 'header', id: 'modality', kind: 'singleChoice' },
    { why: 'mood check: 0–10 rating (§5a.1, §5b)', section: 'moodCheck', id: 'mood', kind: 'rating' },
    {
      why: 'mood check: the week in the client’s words (§5a.1)',
      section: 'moodCheck',
      id: 'moodNotes',
      kind: 'richText',
    },
    { why: 'mood check: measures such as PHQ-9 (§5a.1)', section: 'moodCheck', id: 'measures', kind: 'slot' },
    { why: 'bridge from the last session (§5a.2)', section: 'bridge', id: 'bridge', kind: 'richText' },
    { why: 'agenda items (§5a.3)', section: 'agenda', id: 'agenda', kind: 'group' },
    { why: 'homework review (§5a.4)', section: 'homeworkReview', id: 'homeworkReview', kind: 'slot' },
    { why: 'discussion of agenda items (§5a.5)', section: 'agendaWork', id: 'agendaWork', kind: 'group' },
    { why: 'cognitive work: thought records (§5b, §7a)', section: 'cognitiveWork', id: 'thoughtRecord', kind: 'group' },
    { why: 'interventions used (§5b)', section: 'interventions', id: 'interventions', kind: 'multiChoice' },
    { why: 'client response (§5b)', section: 'clientResponse', id: 'clientResponse', kind: 'richText' },
    { why: 'new homework (§5a.6)', section: 'newHomework', id: 'newHomework', kind: 'slot' },
    { why: 'final summary (§5a.7)', section: 'summary', id: 'summary', kind: 'richText' },
    { why: 'client feedback (§5a.8)', section: 'feedback', id: 'clientFeedback', kind: 'richText' },
    { why: 'plan (§5b "Progress toward goals; plan")', section: 'plan', id: 'plan', kind: 'richText' },
    { why: 'next session date (§5b plan: date)', section: 'plan', id: 'nextSessionAt', kind: 'dateTime' },
  ];
  it.each(rows)('$why', ({ section: sectionId, id, kind }) => {
    expect(section(cbt, sectionId).fields.find((candidate) => candidate.id === id)?.kind).toBe(kind);
  });

  it('duration is whole minutes from 0 to 600', () => {
    expect(field(cbt, 'duration')).toMatchObject({ kind: 'number', unit: 'minutes', integer: true, min: 0, max: 600 });
  });

  it('modality offers in person, telehealth and phone', () => {
    const modality = field(cbt, 'modality');
    expect(modality.kind === 'singleChoice' && modality.options.map((option) => option.id)).toEqual([
      'inPerson',
      'telehealth',
      'phone',
    ]);
  });

  it('mood is rated 0–10 with anchors at worst and best (§5b "subjective 0–10")', () => {
    expect(field(cbt, 'mood')).toMatchObject({
      kind: 'rating',
      max: 10,
      anchors: [
        { value: 0, label: 'Worst' },
        { value: 10, label: 'Best' },
      ],
    });
  });

  it('an agenda item is a short text', () => {
    expect(field(cbt, 'agenda')).toMatchObject({
      kind: 'group',
      itemLabel: 'Agenda item',
      fields: [{ id: 'item', kind: 'shortText' }],
    });
  });

  it('agenda-item work records the problem and notes', () => {
    const work = field(cbt, 'agendaWork');
    expect(work.kind === 'group' && work.fields.map((sub) => [sub.id, sub.kind])).toEqual([
      ['problem', 'shortText'],
      ['notes', 'richText'],
    ]);
  });

  it('a thought-record row has the 7-column record plus belief ratings and distortion tags (§7a, [I-cc])', () => {
    const record = field(cbt, 'thoughtRecord');
    expect(record.kind).toBe('group');
    if (record.kind !== 'group') return;
    expect(record.itemLabel).toBe('Thought record');
    expect(record.fields.map((sub) => [sub.id, sub.kind, sub.kind === 'rating' ? sub.max : undefined])).toEqual([
      ['situation', 'richText', undefined],
      ['automaticThoughts', 'richText', undefined],
      ['belief', 'rating', 100],
      ['emotions', 'shortText', undefined],
      ['emotionIntensity', 'rating', 100],
      ['distortions', 'tags', undefined],
      ['evidenceFor', 'richText', undefined],
      ['evidenceAgainst', 'richText', undefined],
      ['alternativeThought', 'richText', undefined],
      ['alternativeBelief', 'rating', 100],
      ['emotionRerated', 'rating', 100],
    ]);
    expect(record.fields.find((sub) => sub.id === 'distortions')).toMatchObject({
      kind: 'tags',
      source: 'distortions',
    });
  });

  it('interventions list the CBT techniques of §5b, with Other as free text', () => {
    const interventions = field(cbt, 'interventions');
    expect(interventions.kind).toBe('multiChoice');
    if (interventions.kind !== 'multiChoice') return;
    expect(interventions.options.map((option) => option.label)).toEqual([
      'Cognitive restructuring',
      'Socratic questioning',
      'Behavioural activation',
      'Exposure',
      'Behavioural experiment',
      'Problem solving',
      'Relaxation or breathing',
      'Skills practice',
      'Psychoeducation',
      'Relapse prevention',
    ]);
    expect(interventions.allowOther).toBe(true);
  });

  const riskRows: { why: string; id: string; options: string[] }[] = [
    {
      why: 'suicidal ideation (§5b "SI/HI")',
      id: 'suicidalIdeation',
      options: ['notAssessed', 'none', 'passive', 'active'],
    },
    {
      why: 'homicidal ideation (§5b "SI/HI")',
      id: 'homicidalIdeation',
      options: ['notAssessed', 'none', 'passive', 'active'],
    },
    {
      why: 'self-harm as thoughts, recent behaviour or history',
      id: 'selfHarm',
      options: ['notAssessed', 'none', 'thoughts', 'recentBehaviour', 'history'],
    },
    { why: 'plan', id: 'riskPlan', options: ['notAssessed', 'none', 'yes'] },
    { why: 'intent', id: 'riskIntent', options: ['notAssessed', 'none', 'yes'] },
    {
      why: 'safety-plan review (§5b; Stanley & Brown, §7h)',
      id: 'safetyPlanReviewed',
      options: ['yes', 'no', 'notApplicable'],
    },
  ];
  it.each(riskRows)('risk: $why offers $options', ({ id, options }) => {
    const choice = section(cbt, 'risk').fields.find((candidate) => candidate.id === id);
    expect(choice?.kind).toBe('singleChoice');
    expect(choice?.kind === 'singleChoice' && choice.options.map((option) => option.id)).toEqual(options);
  });

  it('risk: "not assessed" comes first, and "none reported" is how no ideation is recorded', () => {
    for (const id of ['suicidalIdeation', 'homicidalIdeation', 'selfHarm']) {
      const choice = field(cbt, id);
      expect(choice.kind === 'singleChoice' && choice.options.map((option) => option.label).slice(0, 2)).toEqual([
        'Not assessed',
        'None reported',
      ]);
    }
  });

  it('risk: protective factors and notes are free text', () => {
    expect(field(cbt, 'protectiveFactors').kind).toBe('richText');
    expect(field(cbt, 'riskNotes').kind).toBe('richText');
  });
});

describe('Burns’ ten cognitive distortions (§7b, [C-dist])', () => {
  it('lists the ten, with the labels of the reference, in order', () => {
    expect(builtInDistortions.map((distortion) => distortion.label)).toEqual([
      'All-or-nothing thinking',
      'Overgeneralization',
      'Mental filter',
      'Disqualifying the positive',
      'Jumping to conclusions (mind reading, fortune telling)',
      'Magnification/catastrophizing and minimization',
      'Emotional reasoning',
      'Should statements',
      'Labeling/mislabeling',
      'Personalization (and blame)',
    ]);
  });

  it('ids are unique and valid template ids (they are stored in notes)', () => {
    const ids = builtInDistortions.map((distortion) => distortion.id);
    expect(new Set(ids).size).toBe(10);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9_-]*$/);
  });

  it.each(builtInDistortions.map((distortion) => ({ ...distortion })))(
    '$label has a one-sentence description',
    ({ description }) => {
      expect(description).toMatch(/^[A-Z].{20,200}\.$/);
      expect(description.slice(0, -1)).not.toMatch(/[.!?]\s/);
    },
  );

  it('cites Burns (1980) Feeling Good', () => {
    expect(distortionsSource).toMatch(/Burns, D\. D\. \(1980\)\. Feeling Good/);
  });

  it('the CBT thought record tags come from this list', () => {
    const record = field(cbt, 'thoughtRecord');
    expect(record.kind === 'group' && record.fields.find((sub) => sub.kind === 'tags')).toMatchObject({
      source: 'distortions',
    });
  });
});

describe('note formats (§6)', () => {
  const formats: { why: string; id: string; sections: string[]; cites: RegExp }[] = [
    {
      why: 'SOAP: subjective, objective, assessment, plan ([S9][P-soap1][P-soap2])',
      id: 'soap',
      sections: ['header', 'subjective', 'objective', 'assessment', 'plan'],
      cites: /therapynotes\.com.*psychology\.com.*tavahealth/,
    },
    {
      why: 'DAP: data, assessment, plan ([P-dap1][P-soap2])',
      id: 'dap',
      sections: ['header', 'data', 'assessment', 'plan'],
      cites: /aftersession\.ai.*tavahealth/,
    },
    {
      why: 'BIRP: behaviour, intervention, response, plan ([P-birp1]–[P-birp3])',
      id: 'birp',
      sections: ['header', 'behaviour', 'intervention', 'response', 'plan'],
      cites: /therapistassist.*patientnotes.*therapyscribe/,
    },
    {
      why: 'GIRP: goal, intervention, response, plan ([P-girp1][P-girp2])',
      id: 'girp',
      sections: ['header', 'goal', 'intervention', 'response', 'plan'],
      cites: /operantbilling.*healthcarequalitydigest/,
    },
  ];
  it.each(formats)('$why', ({ id, sections, cites }) => {
    const def = template(id);
    expect(def.sections.map((candidate) => candidate.id)).toEqual(sections);
    expect(def.source).toMatch(cites);
  });

  it.each(formats)('$id shares the CBT session header (same fields, built once)', ({ id }) => {
    const header = section(template(id), 'header');
    expect(header).toEqual(section(cbt, 'header'));
    expect(header).not.toBe(section(cbt, 'header'));
  });

  it.each(formats)('$id has a rich-text "plan" field, so the next CBT note can bridge from it', ({ id }) => {
    expect(field(template(id), 'plan').kind).toBe('richText');
  });

  it('GIRP says honestly that its section contents follow common practice (§6: contents unconfirmed)', () => {
    expect(template('girp').description).toMatch(/common practice/);
    expect(section(template('girp'), 'goal').help).toMatch(/common practice/);
  });
});

describe('intake assessment', () => {
  const intake = template('intake-assessment');

  it('covers referral to plan in order', () => {
    expect(intake.sections.map((candidate) => candidate.id)).toEqual([
      'header',
      'referral',
      'presentingProblem',
      'psychiatricHistory',
      'medicalHistory',
      'medications',
      'substanceUse',
      'familySocial',
      'mentalStatus',
      'risk',
      'impression',
      'goals',
      'plan',
    ]);
  });

  it('medications use the intake slot (supplement and substance capture, §8)', () => {
    expect(field(intake, 'medications')).toMatchObject({ kind: 'slot', slot: 'intake' });
  });

  it('records risk with the same fields as the CBT session', () => {
    expect(section(intake, 'risk')).toEqual(section(cbt, 'risk'));
    expect(section(intake, 'risk')).not.toBe(section(cbt, 'risk'));
  });

  it('says its layout follows common practice (the reference cites no intake standard)', () => {
    expect(intake.description).toMatch(/common practice/);
  });
});

describe('psychotherapy note (§6, HIPAA psychotherapy notes [S10])', () => {
  const note = template('psychotherapy-note');

  it('is free text only', () => {
    expect(note.sections.flatMap((candidate) => candidate.fields.map((top) => top.kind))).toEqual(['richText']);
  });

  it('explains it is kept apart from the record and what not to put in it', () => {
    expect(note.description).toMatch(/kept apart from the client record/);
    for (const excluded of [
      'medication',
      'start and stop times',
      'test results',
      'diagnosis',
      'treatment plan',
      'progress',
    ]) {
      expect(note.description).toContain(excluded);
    }
  });

  it('has no header: session times and modality are excluded from psychotherapy notes', () => {
    expect(everyField(note).map(({ field: candidate }) => candidate.id)).not.toContain('sessionAt');
    expect(everyField(note).map(({ field: candidate }) => candidate.id)).not.toContain('modality');
  });
});
