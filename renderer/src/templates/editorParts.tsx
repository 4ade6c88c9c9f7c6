import { createContext, useContext } from 'react';
import type { Confirmation } from './ConfirmDialog';
import type { Problems } from './draft';

/** What every part of the template editor may need from the editor itself. */
export type EditorTools = {
  /** Problems found by the last check, by place (`${key}:${what}`); empty until Save is tried. */
  problems: Problems;
  /** Focus the first of these elements that exists and is enabled, after the next render. */
  focusLater: (ids: string[], select?: boolean) => void;
  confirm: (confirmation: Confirmation) => void;
};

export const EditorContext = createContext<EditorTools>({
  problems: new Map(),
  focusLater: () => undefined,
  confirm: () => undefined,
});

export const useEditor = () => useContext(EditorContext);

/** DOM id of one control of an item (keys are unique in the page). */
export const domId = (key: string, what: string) => `tpl-${key}-${what}`;

/** The problem at a place, shown under its control and announced with it. */
export function useProblem(place: string) {
  const message = useEditor().problems.get(place);
  const id = `tpl-problem-${place}`;
  return {
    message,
    invalid: message ? true : undefined,
    describedBy: message ? id : undefined,
    node: message ? (
      <p id={id} className="field-error">
        {message}
      </p>
    ) : null,
  };
}

type TextBoxProps = {
  /** Item key and what it edits: the control's id and its problem's place. */
  itemKey: string;
  what: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
};

/** A labelled one-line (or multi-line) text box with its problem underneath. */
export function TextBox({
  itemKey,
  what,
  label,
  value,
  onChange,
  maxLength,
  multiline,
  placeholder,
  className,
}: TextBoxProps) {
  const problem = useProblem(`${itemKey}:${what}`);
  const id = domId(itemKey, what);
  const common = {
    id,
    value,
    maxLength,
    placeholder,
    'aria-invalid': problem.invalid,
    'aria-describedby': problem.describedBy,
    autoComplete: 'off',
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input type="text" {...common} onChange={(event) => onChange(event.target.value)} />
      )}
      {problem.node}
    </div>
  );
}

/** “Subjective”, or a stand-in while the label is empty. */
export const named = (label: string, noun: string) => (label.trim() ? `“${label.trim()}”` : `(${noun} without a name)`);

type ToolsProps = {
  itemKey: string;
  noun: string;
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** Why this one cannot be removed (the last of a list that needs one), if so. */
  keep?: string | undefined;
};

/** Move up, move down and remove: the same three buttons on sections, fields and sub-fields. */
export function ItemTools({ itemKey, noun, name, index, count, onMove, onRemove, keep }: ToolsProps) {
  const { focusLater } = useEditor();
  const up = domId(itemKey, 'up');
  const down = domId(itemKey, 'down');
  return (
    <div className="tpl-tools">
      <button
        type="button"
        id={up}
        className="tpl-icon"
        disabled={index === 0}
        aria-label={`Move ${noun} ${named(name, noun)} up`}
        title="Move up"
        onClick={() => {
          onMove(-1);
          // The button moves with its item; at the top it is disabled, so "down" takes the focus.
          focusLater([up, down]);
        }}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        id={down}
        className="tpl-icon"
        disabled={index === count - 1}
        aria-label={`Move ${noun} ${named(name, noun)} down`}
        title="Move down"
        onClick={() => {
          onMove(1);
          focusLater([down, up]);
        }}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="tpl-remove"
        disabled={keep !== undefined}
        aria-label={`Remove ${noun} ${named(name, noun)}`}
        title={keep}
        onClick={onRemove}
      >
        Remove
      </button>
    </div>
  );
}
