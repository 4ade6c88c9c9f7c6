import { useEffect, useRef } from 'react';

export function isMac(): boolean {
  return navigator.platform.startsWith('Mac');
}

/** How to write the modifier in a hint: "⌘" on macOS, "Ctrl+" elsewhere. */
export function modLabel(): string {
  return isMac() ? '⌘' : 'Ctrl+';
}

/** "Mod" is Cmd on macOS and Ctrl elsewhere, as in every desktop app. */
export function isMod(event: KeyboardEvent): boolean {
  return isMac() ? event.metaKey : event.ctrlKey;
}

/** Binds Mod+key (lower case letter) for as long as the component is mounted. */
export function useModShortcut(key: string, action: () => void, enabled = true): void {
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (isMod(event) && !event.altKey && event.key.toLowerCase() === key) {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [key, enabled]);
}
