import { type Dispatch, type SetStateAction, useEffect, useState } from 'react';
import type { Channel } from '../../shared/ipc/channels';
import type { ResponseOf } from '../../shared/ipc/contract';
import { call, messageOf } from './api';

/** The channels that read one kind of a client's records by `{ clientId }`. */
export type ClientListChannel =
  | 'homework:listForClient'
  | 'measures:listForClient'
  | 'intake:listForClient'
  | 'safetyPlan:get'
  | 'clients:riskSummary';

const listeners = new Set<(channel: ClientListChannel, clientId: string) => void>();

/** Tells every screen showing this kind of the client's records to read them again. */
export function clientRecordsChanged(channel: ClientListChannel, clientId: string): void {
  for (const listener of listeners) listener(channel, clientId);
}

/**
 * One kind of a client's records (homework, measures, intake), read with its channel and
 * read again after clientRecordsChanged: a note's section, the client's tab and the
 * overview stay in step without sharing state.
 */
export function useClientRecords<C extends ClientListChannel>(
  channel: C,
  clientId: string,
): { value: ResponseOf<C> | null; error: string | null; setValue: Dispatch<SetStateAction<ResponseOf<C> | null>> } {
  const [value, setValue] = useState<ResponseOf<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const listener = (which: ClientListChannel, changed: string) => {
      if (which === channel && changed === clientId) setGeneration((current) => current + 1);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [channel, clientId]);

  useEffect(() => {
    let live = true;
    // generation: read again after a change (the effect re-runs when it is bumped).
    void generation;
    (call as (channel: Channel, request: { clientId: string }) => Promise<ResponseOf<C>>)(channel, { clientId })
      .then((loaded) => {
        if (!live) return;
        setValue(loaded);
        setError(null);
      })
      .catch((failure) => live && setError(messageOf(failure)));
    return () => {
      live = false;
    };
  }, [channel, clientId, generation]);

  return { value, error, setValue };
}
