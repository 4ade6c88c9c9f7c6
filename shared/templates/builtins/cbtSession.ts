import type { RatingField, TemplateDef } from '../types';
import { dateTime, headerSection, interventionsField, richText, riskSection } from './sections';

/**
 * A CBT session note that follows Judith Beck's session structure (reference
 * cbt-practice.md §5a: mood check, bridge, agenda, homework review, agenda items, new
 * homework, summary, feedback) with the structured CBT note fields of §5b (header,
 * interventions, client response, risk, plan). Cognitive work is an inline 7-column
 * thought record (§7a, Greenberger & Padesky) tagged with Burns' distortions (§7b).
 */

const percent = (id: string, label: string, low: string, high: string, help?: string): RatingField => ({
  id,
  label,
  kind: 'rating',
  max: 100,
  anchors: [
    { value: 0, label: low },
    { value: 100, label: high },
  ],
  ...(help === undefined ? {} : { help }),
});

export function cbtSessionTemplate(): TemplateDef {
  return {
    id: 'cbt-session',
    name: 'CBT session',
    version: 1,
    noteKind: 'progress',
    builtIn: true,
    description:
      "A cognitive behavioural therapy session in Judith Beck's order: mood check, bridge from the last session, agenda, homework review, work on each agenda item (with a thought record), new homework, summary and feedback, plus interventions, client response, risk and the plan.",
    source: [
      "Session structure: Judith S. Beck's CBT session structure as summarised in deploymentpsych.org (https://deploymentpsych.org/blog/staff-perspective-cbt-depression-elements-session-structure), J. S. Beck in the Huffington Post (http://www.huffingtonpost.com/judith-s-beck-phd/cognitive-therapy_b_1224375.html) and sharecare.com (https://www.sharecare.com/health/mental-health/what-cognitive-behavioral-treatment-involve).",
      'Note fields: structured CBT progress-note templates from cura.so, aftersession.ai, autonotes.ai and mind-flash.com.',
      'Thought record: Greenberger, D. & Padesky, C. A. (1995). Mind Over Mood, 7-column thought record.',
      'Distortions: Burns, D. D. (1980). Feeling Good.',
      'Safety plan: Stanley & Brown Safety Planning Intervention.',
    ].join(' '),
    sections: [
      headerSection(),
      {
        id: 'moodCheck',
        title: 'Mood check',
        help: "Brief: how the week has been, in the client's words, and any measures completed before the session.",
        fields: [
          {
            id: 'mood',
            label: 'Mood',
            kind: 'rating',
            max: 10,
            help: "The client's rating of their mood over the past week.",
            anchors: [
              { value: 0, label: 'Worst' },
              { value: 10, label: 'Best' },
            ],
          },
          richText('moodNotes', 'Mood notes', "How the week went in the client's words; change since last session…"),
          { id: 'measures', label: 'Measures', kind: 'slot', slot: 'measures' },
        ],
      },
      {
        id: 'intake',
        title: 'Substances and medications',
        help: 'What the client takes now, with the cautions to discuss with them and their prescriber. Update the list here; changes are dated and kept.',
        fields: [{ id: 'intake', label: 'Substances and medications', kind: 'slot', slot: 'intake' }],
      },
      {
        id: 'bridge',
        title: 'Bridge from the last session',
        help: 'What mattered last session and what the client took away from it.',
        fields: [richText('bridge', 'Bridge', 'Key points from last session and what the client remembers of them…')],
      },
      {
        id: 'agenda',
        title: 'Agenda',
        help: 'Set together: the client names the problems to work on, without going into them yet.',
        fields: [
          {
            id: 'agenda',
            label: 'Agenda',
            kind: 'group',
            itemLabel: 'Agenda item',
            fields: [
              {
                id: 'item',
                label: 'Item',
                kind: 'shortText',
                placeholder: 'e.g. Sleep, argument with partner',
                maxLength: 200,
              },
            ],
          },
        ],
      },
      {
        id: 'homeworkReview',
        title: 'Homework review',
        fields: [{ id: 'homeworkReview', label: 'Homework review', kind: 'slot', slot: 'homeworkReview' }],
      },
      {
        id: 'agendaWork',
        title: 'Agenda items',
        help: 'Problem solving, evaluating thoughts and beliefs, teaching skills.',
        fields: [
          {
            id: 'agendaWork',
            label: 'Agenda items worked on',
            kind: 'group',
            itemLabel: 'Agenda item',
            fields: [
              {
                id: 'problem',
                label: 'Problem',
                kind: 'shortText',
                placeholder: 'The problem worked on',
                maxLength: 200,
              },
              richText('notes', 'Notes', 'What was discussed, what the client noticed, skills practised…'),
            ],
          },
        ],
      },
      {
        id: 'cognitiveWork',
        title: 'Cognitive work',
        help: 'A thought record per situation worked through in session.',
        fields: [
          {
            id: 'thoughtRecord',
            label: 'Thought records',
            kind: 'group',
            itemLabel: 'Thought record',
            fields: [
              richText('situation', 'Situation', 'Who, what, when, where…'),
              richText(
                'automaticThoughts',
                'Automatic thoughts',
                "What was going through the client's mind? Mark the hot thought.",
              ),
              percent('belief', 'Belief in the thought', 'Not at all', 'Completely'),
              {
                id: 'emotions',
                label: 'Emotions',
                kind: 'shortText',
                placeholder: 'One word each, e.g. anxious, ashamed',
                maxLength: 200,
              },
              percent('emotionIntensity', 'Emotion intensity', 'None', 'Most intense'),
              { id: 'distortions', label: 'Cognitive distortions', kind: 'tags', source: 'distortions' },
              richText(
                'evidenceFor',
                'Evidence for the hot thought',
                'Facts that support the thought (no mind reading)…',
              ),
              richText('evidenceAgainst', 'Evidence against the hot thought', 'Facts that do not fit the thought…'),
              richText(
                'alternativeThought',
                'Alternative thought',
                'A balanced thought that takes in all the evidence…',
              ),
              percent('alternativeBelief', 'Belief in the alternative', 'Not at all', 'Completely'),
              percent(
                'emotionRerated',
                'Emotion intensity now',
                'None',
                'Most intense',
                'The same emotions, re-rated after the alternative thought.',
              ),
            ],
          },
          richText(
            'beliefs',
            'Intermediate and core beliefs',
            'Rules, assumptions and core beliefs that came up…',
            'Optional: beliefs behind the automatic thoughts.',
          ),
        ],
      },
      {
        id: 'interventions',
        title: 'Interventions',
        fields: [interventionsField()],
      },
      {
        id: 'clientResponse',
        title: 'Client response',
        fields: [
          richText(
            'clientResponse',
            'Client response',
            'Engagement, insight, skill uptake, change in belief or distress within the session…',
          ),
        ],
      },
      riskSection(),
      {
        id: 'newHomework',
        title: 'New homework',
        help: "Agreed together: how the client will use this session's work in the coming week.",
        fields: [{ id: 'newHomework', label: 'New homework', kind: 'slot', slot: 'newHomework' }],
      },
      {
        id: 'summary',
        title: 'Summary',
        fields: [richText('summary', 'Summary', 'The main points of the session, as summarised with the client…')],
      },
      {
        id: 'feedback',
        title: 'Client feedback',
        help: 'What helped, what did not, anything that bothered the client, what to change.',
        fields: [richText('clientFeedback', 'Client feedback', 'What the client found helpful or unhelpful today…')],
      },
      {
        id: 'plan',
        title: 'Plan and next session',
        fields: [
          richText(
            'plan',
            'Plan',
            'Focus of the next session, progress toward goals, frequency…',
            "Opens the bridge of the next session's note.",
          ),
          dateTime('nextSessionAt', 'Next session'),
        ],
      },
    ],
  };
}
