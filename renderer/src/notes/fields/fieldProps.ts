/**
 * What every editable field component receives. A field keeps its own state (typing
 * re-renders only that field) and reports a change by handing over a getter: the
 * autosave controller reads the value only when a save goes out.
 */
export type FieldProps<F, V> = {
  field: F;
  /** The stored value when the note was opened (or null). */
  initial: V;
  /** Unique in the page: the field's DOM ids start with it. */
  idBase: string;
  onChange: (read: () => V) => void;
  /** The field lost focus: save now. */
  onCommit: () => void;
  /**
   * The field holds a value the note cannot take (message), or no longer does (null):
   * it is marked at the field, not sent, and the save status says so until corrected.
   */
  onProblem?: ((message: string | null) => void) | undefined;
  /** Hide the label visually (it repeats the heading above); screen readers still get it. */
  labelHidden?: boolean | undefined;
};

/** The id of the element that names a field (its label or legend). */
export const labelIdOf = (idBase: string) => `${idBase}-label`;
export const helpIdOf = (idBase: string) => `${idBase}-help`;
