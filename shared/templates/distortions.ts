/**
 * The ten cognitive distortions from David Burns' Feeling Good, offered as tags on
 * thought records (a `tags` field with source 'distortions').
 *
 * Labels follow the list in the reference (docs: cbt-practice.md §7b, which keeps Burns'
 * own, American spelling because these are the names clients meet in the book). The
 * descriptions are written for Sessionkeep in our own words, so no text of the book is
 * reproduced. Ids are stored in notes: never rename one.
 *
 * Therapists may add their own distortions, but the built-in ones cannot be hidden
 * (design note from Flaque/quirk #121, reference §7b).
 */

export type Distortion = { id: string; label: string; description: string };

export const source = 'Burns, D. D. (1980). Feeling Good: The New Mood Therapy. New York: William Morrow.';

export const builtInDistortions: readonly Readonly<Distortion>[] = Object.freeze(
  [
    {
      id: 'allOrNothing',
      label: 'All-or-nothing thinking',
      description:
        'Judging a person or situation as entirely one thing or its opposite, with no middle ground between success and failure.',
    },
    {
      id: 'overgeneralization',
      label: 'Overgeneralization',
      description: "Treating one setback as proof of a rule, often with words like 'always' or 'never'.",
    },
    {
      id: 'mentalFilter',
      label: 'Mental filter',
      description: 'Letting one unpleasant detail colour the whole picture while everything else goes unnoticed.',
    },
    {
      id: 'disqualifyingPositive',
      label: 'Disqualifying the positive',
      description: 'Brushing off successes or kind words as flukes so that a negative belief stays intact.',
    },
    {
      id: 'jumpingToConclusions',
      label: 'Jumping to conclusions (mind reading, fortune telling)',
      description:
        'Reaching a negative conclusion without facts to support it, such as assuming what others think or predicting that things will go badly.',
    },
    {
      id: 'magnification',
      label: 'Magnification/catastrophizing and minimization',
      description:
        'Blowing up the size of problems and mistakes while shrinking strengths and achievements until they seem not to matter.',
    },
    {
      id: 'emotionalReasoning',
      label: 'Emotional reasoning',
      description:
        'Treating a strong feeling as evidence of a fact, for example deciding one is useless because one feels useless.',
    },
    {
      id: 'shouldStatements',
      label: 'Should statements',
      description:
        'Holding oneself or others to rigid rules about how things must be, which tends to bring guilt when turned inward and resentment when turned outward.',
    },
    {
      id: 'labeling',
      label: 'Labeling/mislabeling',
      description:
        'Summing up a whole person with one harsh name after a single action, instead of describing what happened.',
    },
    {
      id: 'personalization',
      label: 'Personalization (and blame)',
      description:
        "Taking responsibility for events that were largely outside one's control, or holding others wholly responsible for one's own difficulties.",
    },
  ].map((distortion) => Object.freeze(distortion)),
);
