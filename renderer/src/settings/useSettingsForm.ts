import { type FormEventHandler, useEffect, useRef } from 'react';
import type { Settings } from '../../../shared/settings';
import { call, messageOf } from '../api';

/**
 * Loads the stored settings once for a Settings card. An answer that arrives after the
 * therapist started typing in the card is not applied, so a slow disk never puts the old
 * values back over the typing. Spread the returned handler on the card's <form>.
 */
export function useSettingsForm(
  apply: (settings: Settings) => void,
  onError: (message: string) => void,
): { onInput: FormEventHandler } {
  const typed = useRef(false);
  const latest = useRef({ apply, onError });
  latest.current = { apply, onError };
  useEffect(() => {
    void call('settings:get', {}).then(
      (settings) => {
        if (!typed.current) latest.current.apply(settings);
      },
      (error) => latest.current.onError(messageOf(error)),
    );
  }, []);
  return {
    onInput: () => {
      typed.current = true;
    },
  };
}
