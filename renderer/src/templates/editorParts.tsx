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

/** The names of an item's text properties (those a text box can edit). */
type TextKey<T> = { [K in keyof T]-?: T[K] extends string | undefined ? K : never }[keyof T] & string;

/** One text box of an item, described as data: what it edits and how it is labelled. */
export type BoxSpec<T> = Omit<TextBoxProps, 'itemKey' | 'what' | 'value' | 'onChange'> & { what: TextKey<T> };

/** Several text boxes of one item, each writing its own property back (empty optional texts stay ''). */
export function TextBoxes<T>({
  itemKey,
  item,
  boxes,
  onChange,
}: {
  itemKey: string;
  item: T;
  boxes: readonly BoxSpec<T>[];
  onChange: (change: Partial<T>) => void;
}) {
  return boxes.map(({ what, ...box }) => (
    <TextBox
      key={what}
      {...box}
      itemKey={itemKey}
      what={what}
      value={(item[what] as string | undefined) ?? ''}
      onChange={(value) => onChange({ [what]: value } as Partial<T>)}
    />
  ));
}
