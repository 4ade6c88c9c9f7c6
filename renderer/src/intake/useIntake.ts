import { useEffect, useState } from 'react';
import type { ClientIntake } from '../../../shared/ipc/contract';
import { call, messageOf } from '../api';

/**
 * A client's intake (entries, context, caution actions, reviews), read with
 * `intake:listForClient` and read again whenever something on this screen changes it:
 * the client's intake section, the open-cautions line on the overview and a note's
 * intake section stay in step without sharing state (as homework does, useHomework.ts).
 */
const listeners = new Set<(clientId: string) => void>();

export function intakeChanged(clientId: string): void {
  for (const listener of listeners) listener(clientId);
}

export type IntakeState = {
  intake: ClientIntake | null;
  error: string | null;
  /** Puts a value the core just answered with in place at once (the re-read follows). */
  patch: (change: (current: ClientIntake) => ClientIntake) => void;
};

export function useClientIntake(clientId: string): IntakeState {
  const [intake, setIntake] = useState<ClientIntake | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const listener = (changed: string) => {
      if (changed === clientId) setGeneration((current) => current + 1);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [clientId]);

  useEffect(() => {
    let live = true;
    // generation: read again after a change (the effect re-runs when it is bumped).
    void generation;
    call('intake:listForClient', { clientId })
      .then((loaded) => {
        if (!live) return;
        setIntake(loaded);
        setError(null);
      })
      .catch((failure) => live && setError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [clientId, generation]);

  return {
    intake,
    error,
    patch: (change) => setIntake((current) => (current === null ? current : change(current))),
  };
}
