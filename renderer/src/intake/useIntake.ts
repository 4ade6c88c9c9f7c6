import type { ClientIntake } from '../../../shared/ipc/contract';
import { clientRecordsChanged, useClientRecords } from '../clientRecords';

/**
 * A client's intake (entries, context, caution actions, reviews), kept in step across
 * the client's intake section, the open-cautions line on the overview and a note's
 * intake section.
 */
export function intakeChanged(clientId: string): void {
  clientRecordsChanged('intake:listForClient', clientId);
}

export type IntakeState = {
  intake: ClientIntake | null;
  error: string | null;
  /** Puts a value the core just answered with in place at once (the re-read follows). */
  patch: (change: (current: ClientIntake) => ClientIntake) => void;
};

export function useClientIntake(clientId: string): IntakeState {
  const { value, error, setValue } = useClientRecords('intake:listForClient', clientId);
  return {
    intake: value,
    error,
    patch: (change) => setValue((current) => (current === null ? current : change(current))),
  };
}
