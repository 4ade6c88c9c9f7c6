import { useEffect, useState } from 'react';
import type { DistortionEntry } from '../../../shared/ipc/contract';
import { builtInDistortions } from '../../../shared/templates/distortions';
import { call } from '../api';

/**
 * The cognitive-distortion list (Burns' ten, then the therapist's own), loaded once and
 * shared by every chip field on the page. Until it arrives (or if it cannot be loaded)
 * the built-in ten stand in, so a thought record never waits on the core.
 */

const fallback: readonly DistortionEntry[] = builtInDistortions.map((each) => ({ ...each, builtIn: true }));

let loaded: readonly DistortionEntry[] | null = null;
let pending: Promise<readonly DistortionEntry[]> | null = null;

function load(): Promise<readonly DistortionEntry[]> {
  pending ??= call('distortions:list', {}).then(
    (list) => {
      loaded = list;
      return list;
    },
    () => {
      // Try again next time a field needs the list; meanwhile the built-ins serve.
      pending = null;
      return fallback;
    },
  );
  return pending;
}

/** After adding a distortion: the next field that asks reloads the list. */
export function invalidateDistortions(): void {
  loaded = null;
  pending = null;
}

/** The list as known now, without waiting (the built-ins until it has loaded). */
export function currentDistortions(): readonly DistortionEntry[] {
  return loaded ?? fallback;
}

export function useDistortions(): readonly DistortionEntry[] {
  const [list, setList] = useState(currentDistortions);
  useEffect(() => {
    let live = true;
    void load().then((next) => {
      if (live) setList(next);
    });
    return () => {
      live = false;
    };
  }, []);
  return list;
}
