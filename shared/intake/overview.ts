import { evaluateIntake } from '../cautions/engine';
import type { Caution, IntakeInput } from '../cautions/types';
import { type CautionAction, cautionKey } from './cautionAction';
import { type ClientIntakeContext, type IntakeEntry, isCurrent } from './entry';

/**
 * From a client's stored intake to the engine's input and back: pure, so the intake
 * view, the note's intake section and the client overview all agree.
 */

export function intakeInputOf(
  entries: readonly IntakeEntry[],
  context: ClientIntakeContext,
  today: string,
): IntakeInput {
  const current = entries.filter((entry) => isCurrent(entry, today));
  return {
    substances: current.flatMap((entry) =>
      entry.fields.kind === 'substance' ? [{ name: entry.fields.name, frequency: entry.fields.frequency }] : [],
    ),
    medications: current.flatMap((entry) => (entry.fields.kind === 'medication' ? [{ name: entry.fields.name }] : [])),
    context,
  };
}

export function currentCautions(
  entries: readonly IntakeEntry[],
  context: ClientIntakeContext,
  today: string,
): Caution[] {
  return evaluateIntake(intakeInputOf(entries, context, today));
}

/** The latest action recorded for each caution (by id and names involved). */
export function latestActions(actions: readonly CautionAction[]): Map<string, CautionAction> {
  const latest = new Map<string, CautionAction>();
  for (const action of [...actions].sort((a, b) => a.at.localeCompare(b.at))) latest.set(cautionKey(action), action);
  return latest;
}

/** Serious cautions on the current list that nothing has been recorded for yet. */
export function openSeriousCautions(cautions: readonly Caution[], actions: readonly CautionAction[]): Caution[] {
  const done = latestActions(actions);
  return cautions.filter((caution) => caution.severity === 'serious' && !done.has(cautionKey(caution)));
}
