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
      columns: DAY_COLUMNS,
      rows: [
        'Date',
        'Time you got into bed',
        'Time you tried to go to sleep',
        'Minutes it took to fall asleep',
        'Times you woke up in the night',
        'Total minutes awake in the night',
        'Time you woke up for the last time',
        'Time you got out of bed for the day',
        'Hours of sleep in total (your guess)',
        'Sleep quality: 1 very poor to 5 very good',
        'How rested: 0 not at all to 10 very',
      ],
      rowHeight: 'small',
    },
    {
      kind: 'table',
      id: 'day',
      heading: 'Each evening: about today',
      columns: DAY_COLUMNS,
      rows: [
        'Naps: minutes in total',
        'Caffeine: drinks, time of the last',
        'Alcohol: drinks, time of the last',
        'Medicines or sleep aids: what, when',
        'Exercise: what, and when',
        'The hour before bed: what you did',
        'Mood today: 0 worst to 10 best',
        'Anything else you noticed',
      ],
      rowHeight: 'small',
    },
  ],
  source:
    'Carney, C. E., Buysse, D. J., Ancoli-Israel, S., Edinger, J. D., Krystal, A. D., Lichstein, K. L., & Morin, C. M. (2012). The Consensus Sleep Diary: standardizing prospective sleep self-monitoring. Sleep, 35(2), 287–302. Items in Sessionkeep’s own words.',
  builtIn: true,
};
