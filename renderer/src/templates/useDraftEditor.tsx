import { useEffect, useMemo, useRef, useState } from 'react';
import { messageOf } from '../api';
import { useModShortcut } from '../shortcuts';
import type { Confirmation } from './ConfirmDialog';
import { domId, type EditorTools } from './editorParts';

/** What checking a draft gives: the definition to save, or problems keyed "item:what". */
export type DraftCheck<T> =
  | { ok: true; value: T }
  | { ok: false; problems: ReadonlyMap<string, string>; general: readonly string[] };

type Options<D, T> = {
  initial: D;
  /** Checks a draft against the core's own schema (and any print-sense rules). */
  check: (draft: D) => DraftCheck<T>;
  /** The draft as it would be saved, for "are there unsaved changes?". */
  candidateText: (draft: D) => string;
  /** Stores the checked definition; its answer goes to onSaved. */
  persist: (value: T) => Promise<T>;
  onSaved: (value: T) => void;
  onClose: () => void;
  /** The first control, focused (and selected for a fresh copy) when the editor opens. */
  firstControl: { item: string; what: string };
  saved: boolean;
  /** "template" or "worksheet", in the discard question. */
  noun: string;
};

const noProblems: ReadonlyMap<string, string> = new Map();

function splitPlace(place: string): [string, string] {
  const at = place.lastIndexOf(':');
  return [place.slice(0, at), place.slice(at + 1)];
}

/**
 * The behaviour both definition editors (note templates, worksheets) share: problems
 * shown from the first Save on and following every change, focus moved to the first
 * problem, Ctrl/Cmd+S, and a question before unsaved changes are thrown away.
 */
export function useDraftEditor<D, T>(options: Options<D, T>) {
  const { initial, check, candidateText, persist, onSaved, onClose, firstControl, saved, noun } = options;
  const [draft, setDraft] = useState<D>(initial);
  const [attempts, setAttempts] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const pendingFocus = useRef<{ ids: string[]; select: boolean } | null>(null);
  const initialText = useMemo(() => candidateText(initial), [candidateText, initial]);

  const checked = useMemo(() => (attempts > 0 ? check(draft) : null), [attempts, draft, check]);
  const problems = checked && !checked.ok ? checked.problems : noProblems;

  const tools = useMemo<EditorTools>(
    () => ({
      problems,
      focusLater: (ids, select = false) => {
        pendingFocus.current = { ids, select };
      },
      confirm: setConfirmation,
    }),
    [problems],
  );

  // Focus asked for by the last change (a new row, the first problem) once it is drawn.
  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    pendingFocus.current = null;
    for (const id of want.ids) {
      const element = document.getElementById(id);
      if (!element || (element instanceof HTMLButtonElement && element.disabled)) continue;
      element.scrollIntoView({ block: 'center' });
      element.focus({ preventScroll: true });
      if (want.select && element instanceof HTMLInputElement) element.select();
      return;
    }
  });

  // Open on the name, the first thing to change in a copy.
  useEffect(() => {
    window.scrollTo(0, 0);
    const first = document.getElementById(domId(firstControl.item, firstControl.what));
    if (first instanceof HTMLInputElement) {
      first.focus();
      if (!saved) first.select();
    }
  }, [saved, firstControl.item, firstControl.what]);

  async function save() {
    // Each attempt re-renders, which also applies the focus asked for below.
    setAttempts((count) => count + 1);
    setFailure(null);
    const result = check(draft);
    if (!result.ok) {
      const first = [...result.problems.keys()][0];
      if (first) {
        const [item, what] = splitPlace(first);
        pendingFocus.current = { ids: [domId(item, what)], select: false };
      }
      if (result.general.length > 0) setFailure(result.general.join(' '));
      return;
    }
    setBusy(true);
    try {
      onSaved(await persist(result.value));
    } catch (error) {
      setFailure(messageOf(error));
      setBusy(false);
    }
  }
  useModShortcut('s', () => void save(), confirmation === null);

  function leave() {
    if (candidateText(draft) === initialText) return onClose();
    setConfirmation({
      title: 'Discard your changes?',
      body: <p>The changes to this {noun} since it was last saved will be lost.</p>,
      action: 'Discard changes',
      onConfirm: onClose,
    });
  }

  const problemCount = problems.size + (checked && !checked.ok ? checked.general.length : 0);
  return { draft, setDraft, problems, problemCount, busy, failure, confirmation, setConfirmation, tools, save, leave };
}
