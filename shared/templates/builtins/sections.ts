import type {
  ChoiceOption,
  DateTimeField,
  MultiChoiceField,
  RichTextField,
  SectionDef,
  SingleChoiceField,
} from '../types';

/**
 * Builders for the sections and fields several built-in templates share. Each call
 * returns fresh objects, so no two templates share (and could mutate) one definition,
 * and the field ids stay identical across templates: carry-forward and the plan → bridge
 * rule (values.ts) match fields by id and kind.
 *
 * Source references ([P-…], [S…]) point to ../shared/reference/cbt-practice.md §10.
 */

export function richText(id: string, label: string, placeholder: string, help?: string): RichTextField {
  return help === undefined
    ? { id, label, kind: 'richText', placeholder }
    : { id, label, kind: 'richText', help, placeholder };
}

export function dateTime(id: string, label: string, help?: string): DateTimeField {
  return help === undefined ? { id, label, kind: 'dateTime' } : { id, label, kind: 'dateTime', help };
}

function choice(id: string, label: string, options: ChoiceOption[], help?: string): SingleChoiceField {
  return help === undefined
    ? { id, label, kind: 'singleChoice', options }
    : { id, label, kind: 'singleChoice', help, options };
}

/**
 * Session header: date and time, duration, session number and modality, the header
 * fields of a structured progress note (reference §5b, [P-cbt1]–[P-cbt4]). The date-time
 * field is called 'sessionAt': initialValues() fills it with the time the note is started.
 */
export function headerSection(): SectionDef {
  return {
    id: 'header',
    title: 'Session',
    fields: [
      dateTime('sessionAt', 'Date and time'),
      { id: 'duration', label: 'Duration', kind: 'number', unit: 'minutes', integer: true, min: 0, max: 600 },
      { id: 'sessionNumber', label: 'Session number', kind: 'sessionNumber', help: 'Counted by the app.' },
      choice('modality', 'Modality', [
        { id: 'inPerson', label: 'In person' },
        { id: 'telehealth', label: 'Telehealth (video)' },
        { id: 'phone', label: 'Phone' },
      ]),
    ],
  };
}

/**
 * CBT interventions (reference §5b "CBT interventions used"). "Other" is the field's
 * free-text box (allowOther) rather than an extra option: a ticked "Other" box with no
 * text, or text with the box unticked, could not then disagree.
 */
export function interventionsField(): MultiChoiceField {
  return {
    id: 'interventions',
    label: 'Interventions used',
    kind: 'multiChoice',
    help: 'Tick every technique used this session; describe anything else under Other.',
    allowOther: true,
    options: [
      { id: 'cognitiveRestructuring', label: 'Cognitive restructuring' },
      { id: 'socraticQuestioning', label: 'Socratic questioning' },
      { id: 'behaviouralActivation', label: 'Behavioural activation' },
      { id: 'exposure', label: 'Exposure' },
      { id: 'behaviouralExperiment', label: 'Behavioural experiment' },
      { id: 'problemSolving', label: 'Problem solving' },
      { id: 'relaxation', label: 'Relaxation or breathing' },
      { id: 'skillsPractice', label: 'Skills practice' },
      { id: 'psychoeducation', label: 'Psychoeducation' },
      { id: 'relapsePrevention', label: 'Relapse prevention' },
    ],
  };
}

// "Not assessed" comes first wherever a risk item can be left unasked, so an unanswered
// item is never read as "none".
const ideationOptions = (): ChoiceOption[] => [
  { id: 'notAssessed', label: 'Not assessed' },
  { id: 'none', label: 'None reported' },
  { id: 'passive', label: 'Passive' },
  { id: 'active', label: 'Active' },
];

/** Self-harm is asked about as thoughts, recent behaviour or past history, not as passive/active. */
const selfHarmOptions = (): ChoiceOption[] => [
  { id: 'notAssessed', label: 'Not assessed' },
  { id: 'none', label: 'None reported' },
  { id: 'thoughts', label: 'Thoughts' },
  { id: 'recentBehaviour', label: 'Recent behaviour' },
  { id: 'history', label: 'History only' },
];

const assessedOptions = (): ChoiceOption[] => [
  { id: 'notAssessed', label: 'Not assessed' },
  { id: 'none', label: 'None' },
  { id: 'yes', label: 'Yes' },
];

/**
 * Risk assessment: suicidal and homicidal ideation, self-harm, plan, intent, protective
 * factors and safety-plan review (reference §5b "Risk assessment"; the safety plan is the
 * Stanley & Brown intervention, §7h [P-sp1]). Shared by the CBT session and the intake so
 * risk is recorded the same way everywhere. The plan and intent ids are prefixed 'risk'
 * because 'plan' is the session plan's id.
 */
export function riskSection(): SectionDef {
  return {
    id: 'risk',
    title: 'Risk',
    help: 'Record what was asked and what the client said. A safety plan is not a no-suicide contract.',
    fields: [
      choice('suicidalIdeation', 'Suicidal ideation', ideationOptions()),
      choice('homicidalIdeation', 'Homicidal ideation', ideationOptions()),
      choice('selfHarm', 'Self-harm', selfHarmOptions()),
      choice('riskPlan', 'Plan', assessedOptions(), 'Whether the client has a plan to act on thoughts of harm.'),
      choice('riskIntent', 'Intent', assessedOptions(), 'Whether the client intends to act on thoughts of harm.'),
      richText(
        'protectiveFactors',
        'Protective factors',
        'Reasons for living, supports, commitments, access to help…',
        'What keeps the client safe.',
      ),
      choice(
        'safetyPlanReviewed',
        'Safety plan reviewed',
        [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
          { id: 'notApplicable', label: 'Not applicable' },
        ],
        'The Stanley & Brown safety plan, if the client has one.',
      ),
      richText(
        'riskNotes',
        'Risk notes',
        'Context, changes since last assessment, means restriction, who was informed…',
      ),
    ],
  };
}

/**
 * The plan section of the SOAP, DAP, BIRP and GIRP formats (reference §6: next steps,
 * homework, follow-up and next appointment). Its rich-text field is 'plan', like the
 * CBT session's, so the next CBT note can open its bridge with it.
 */
export function formatPlanSection(help: string): SectionDef {
  return {
    id: 'plan',
    title: 'Plan',
    help,
    fields: [
      richText('plan', 'Plan', 'Focus of the next session, referrals, care coordination, frequency…'),
      { id: 'newHomework', label: 'Homework assigned', kind: 'slot', slot: 'newHomework' },
      dateTime('nextSessionAt', 'Next session'),
    ],
  };
}
