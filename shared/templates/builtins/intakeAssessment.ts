import type { ShortTextField, TemplateDef } from '../types';
import { dateTime, headerSection, richText, riskSection } from './sections';

/**
 * An intake assessment. The reference (cbt-practice.md) cites no standard intake layout,
 * so the sections follow common clinical practice, and the description says so. Risk
 * uses the same fields as the CBT session (riskSection), medications get the intake slot
 * (the substance and supplement capture of §8) with a free-text fallback.
 */

const mse = (id: string, label: string, placeholder: string): ShortTextField => ({
  id,
  label,
  kind: 'shortText',
  placeholder,
  maxLength: 500,
});

export function intakeAssessmentTemplate(): TemplateDef {
  return {
    id: 'intake-assessment',
    name: 'Intake assessment',
    version: 1,
    noteKind: 'progress',
    builtIn: true,
    description:
      'A first assessment: reason for referral, presenting problem and its history, psychiatric and medical history, medications, substance use, family and social history, mental status, risk, impression, goals and plan. This layout follows common practice rather than one cited standard.',
    source:
      'Common clinical practice; no single cited standard. Risk fields as in the CBT session note (structured CBT progress notes: cura.so, aftersession.ai, autonotes.ai, mind-flash.com).',
    sections: [
      headerSection(),
      {
        id: 'referral',
        title: 'Reason for referral',
        fields: [
          {
            id: 'referralSource',
            label: 'Referred by',
            kind: 'shortText',
            placeholder: 'Self, GP, other service…',
            maxLength: 200,
          },
          richText(
            'reasonForReferral',
            'Reason for referral',
            'Why the client was referred, or why they are seeking help now…',
          ),
        ],
      },
      {
        id: 'presentingProblem',
        title: 'Presenting problem',
        fields: [
          richText('presentingProblem', 'Presenting problem', "The main difficulties in the client's own words…"),
          richText(
            'presentingHistory',
            'History of the presenting problem',
            'Onset, course, triggers, what has helped or made it worse, impact on daily life…',
          ),
        ],
      },
      {
        id: 'psychiatricHistory',
        title: 'Psychiatric history',
        fields: [
          richText(
            'psychiatricHistory',
            'Psychiatric history',
            'Previous diagnoses, therapy, hospital admissions, past self-harm or suicide attempts…',
          ),
        ],
      },
      {
        id: 'medicalHistory',
        title: 'Medical history',
        fields: [
          richText(
            'medicalHistory',
            'Medical history',
            'Physical health conditions, GP or physician, sleep, pregnancy…',
          ),
        ],
      },
      {
        id: 'medications',
        title: 'Medications and supplements',
        fields: [
          { id: 'medications', label: 'Medications and supplements', kind: 'slot', slot: 'intake' },
          richText(
            'medicationNotes',
            'Medication notes',
            'Prescriber, adherence, side effects, anything not listed above…',
          ),
        ],
      },
      {
        id: 'substanceUse',
        title: 'Substance use',
        fields: [
          richText(
            'substanceUse',
            'Substance use',
            'Alcohol, drugs, nicotine, caffeine: amount, frequency, last use, screening scores…',
          ),
        ],
      },
      {
        id: 'familySocial',
        title: 'Family and social history',
        fields: [
          richText(
            'familyHistory',
            'Family history',
            'Family background, family mental health history, significant events…',
          ),
          richText(
            'socialHistory',
            'Social history',
            'Relationships, living situation, work or study, finances, culture, legal matters…',
          ),
        ],
      },
      {
        id: 'mentalStatus',
        title: 'Mental status examination',
        help: 'Leave blank any domain not assessed.',
        fields: [
          mse('mseAppearance', 'Appearance', 'e.g. well kempt, casually dressed'),
          mse('mseBehaviour', 'Behaviour', 'e.g. good eye contact, restless'),
          mse('mseSpeech', 'Speech', 'Rate, volume, tone'),
          mse('mseMood', "Mood (client's words)", "e.g. 'low'"),
          mse('mseAffect', 'Affect', 'e.g. restricted, congruent'),
          mse('mseThoughtProcess', 'Thought process', 'e.g. logical, goal-directed'),
          mse('mseThoughtContent', 'Thought content', 'Preoccupations, obsessions, delusions'),
          mse('msePerception', 'Perception', 'Hallucinations or other disturbances'),
          mse('mseCognition', 'Cognition', 'Orientation, attention, memory'),
          mse('mseInsight', 'Insight', 'e.g. good, partial'),
          mse('mseJudgement', 'Judgement', 'e.g. good, impaired'),
          richText('mseNotes', 'Mental status notes', 'Anything else observed…'),
        ],
      },
      riskSection(),
      {
        id: 'impression',
        title: 'Diagnosis and impression',
        fields: [
          richText(
            'impression',
            'Diagnosis and clinical impression',
            'Working diagnosis (with code if used), formulation, differential…',
          ),
        ],
      },
      {
        id: 'goals',
        title: 'Treatment goals',
        fields: [
          {
            id: 'treatmentGoals',
            label: 'Treatment goals',
            kind: 'group',
            itemLabel: 'Goal',
            fields: [
              {
                id: 'goal',
                label: 'Goal',
                kind: 'shortText',
                placeholder: "In the client's words where possible",
                maxLength: 300,
              },
              {
                id: 'measure',
                label: 'How progress is measured',
                kind: 'shortText',
                placeholder: 'e.g. PHQ-9 below 10',
                maxLength: 300,
              },
            ],
          },
        ],
      },
      {
        id: 'plan',
        title: 'Plan',
        fields: [
          richText(
            'plan',
            'Plan',
            'Recommended treatment, frequency, referrals, what the first sessions will focus on…',
          ),
          dateTime('nextSessionAt', 'Next session'),
        ],
      },
    ],
  };
}
