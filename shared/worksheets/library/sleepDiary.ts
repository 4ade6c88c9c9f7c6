import type { WorksheetDef } from '../types';

const DAY_COLUMNS = Array.from({ length: 7 }, (_, index) => ({ id: `day${index + 1}`, heading: `Day ${index + 1}` }));

/**
 * A one-week sleep diary following the Consensus Sleep Diary (Carney et al., 2012;
 * reference cbt-practice.md §7f, [P-sl1][P-sl2][P-sl3]): the night's items filled in
 * each morning, and the daytime factors filled in each evening. Questions are rows and
 * the seven days are columns, so a week fits one sheet. Wording is Sessionkeep's own.
 */
export const sleepDiary: WorksheetDef = {
  id: 'sleep-diary',
  version: 1,
  title: 'Sleep diary',
  purpose:
    'One week, based on the Consensus Sleep Diary: bedtime, time to fall asleep, awakenings, wake and rise times, total sleep, quality; naps, caffeine, alcohol, medicines.',
  instructions:
    'Fill in the top part each morning, within an hour of getting up, about the night before. Fill in the bottom part each evening, about your day. Your best guess is fine: do not check the clock during the night.',
  orientation: 'landscape',
  blocks: [
    {
      kind: 'table',
      id: 'night',
      heading: 'Each morning: about last night',
      rowHeading: 'Question',
      columns: DAY_COLUMNS,
      rows: [
        'Date',
        'What time did you get into bed?',
        'What time did you try to go to sleep?',
        'How many minutes did it take you to fall asleep?',
        'How many times did you wake up in the night?',
        'In total, how many minutes were you awake in the night?',
        'What time did you wake up for the last time?',
        'What time did you get out of bed for the day?',
        'About how many hours did you sleep in total?',
        'Sleep quality: 1 very poor, 3 fair, 5 very good',
        'How rested do you feel? 0 not at all, 10 very',
      ],
      rowHeight: 'small',
    },
    {
      kind: 'table',
      id: 'day',
      heading: 'Each evening: about today',
      rowHeading: 'Question',
      columns: DAY_COLUMNS,
      rows: [
        'Naps: how many minutes in total?',
        'Caffeine: how many drinks, and the time of the last?',
        'Alcohol: how many drinks, and the time of the last?',
        'Medicines or sleep aids: what, how much, and when?',
        'Exercise: what, and when?',
        'The hour before bed: what did you do?',
        'Mood today, 0 (worst) to 10 (best)',
        'Anything else you noticed',
      ],
      rowHeight: 'small',
    },
  ],
  source:
    'Carney, C. E., Buysse, D. J., Ancoli-Israel, S., Edinger, J. D., Krystal, A. D., Lichstein, K. L., & Morin, C. M. (2012). The Consensus Sleep Diary: standardizing prospective sleep self-monitoring. Sleep, 35(2), 287–302. Items in Sessionkeep’s own words.',
  builtIn: true,
};
