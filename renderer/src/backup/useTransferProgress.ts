import { useCallback, useEffect, useState } from 'react';
import { onSessionEvent } from '../api';

/** The running export's or import's progress; `clear` once it has ended, however it ended. */
export function useTransferProgress(kind: 'export' | 'import'): { progress: number | null; clear: () => void } {
  const [fraction, setFraction] = useState<number | null>(null);
  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.type === 'transfer' && event.kind === kind) setFraction(event.fraction >= 1 ? null : event.fraction);
      }),
    [kind],
  );
  // A failed run sends no last event: without this its bar stayed up (issue 12).
  const clear = useCallback(() => setFraction(null), []);
  return { progress: fraction, clear };
}
