import { activityMonitoring } from './library/activityMonitoring';
import { activityScheduling } from './library/activityScheduling';
import { distortionsReference } from './library/distortionsReference';
import { exposureLog } from './library/exposureLog';
import { fearLadder } from './library/fearLadder';
import { freeForm } from './library/freeForm';
import { problemSolving } from './library/problemSolving';
import { safetyPlan } from './library/safetyPlan';
import { sleepDiary } from './library/sleepDiary';
import { thoughtRecord3 } from './library/thoughtRecord3';
import { thoughtRecord7 } from './library/thoughtRecord7';
import { worryLog } from './library/worryLog';
import { worryTime } from './library/worryTime';
import type { WorksheetDef } from './types';

/**
 * The worksheets that ship with Sessionkeep, in the order the library lists them
 * (reference cbt-practice.md §7). They are frozen: an assignment keeps the version it
 * was given on and a custom worksheet starts from a copy, so nothing may change these
 * in place (an attempt throws in strict mode instead of silently altering old sheets).
 */
export const builtInWorksheets: readonly WorksheetDef[] = deepFreeze([
  thoughtRecord3,
  thoughtRecord7,
  distortionsReference,
  activityMonitoring,
  activityScheduling,
  fearLadder,
  exposureLog,
  problemSolving,
  worryLog,
  worryTime,
  sleepDiary,
  safetyPlan,
  freeForm,
]);

export function findBuiltInWorksheet(id: string): WorksheetDef | undefined {
  return builtInWorksheets.find((worksheet) => worksheet.id === id);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
