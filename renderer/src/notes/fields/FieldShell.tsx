import type { ReactNode } from 'react';
import { helpIdOf, labelIdOf } from './fieldProps';

type Props = {
  idBase: string;
  label: string;
  help?: string | undefined;
  /**
   * 'input': a <label for> the field's single control (id = idBase).
   * 'group': a fieldset whose legend names a set of controls (radios, checkboxes, chips).
   * 'named': a plain heading that the control points at with aria-labelledby (rich text).
   */
  as: 'input' | 'group' | 'named';
  className?: string;
  /** The label repeats the heading just above it: kept for screen readers, not shown. */
  labelHidden?: boolean | undefined;
  children: ReactNode;
};

/** The label, the one-line help and the control(s) of one field, in the form's rhythm. */
export function FieldShell({ idBase, label, help, as, className, labelHidden, children }: Props) {
  const labelClass = labelHidden ? 'note-label visually-hidden' : 'note-label';
  const classes = `note-field${className ? ` ${className}` : ''}`;
  const helpText = help ? (
    <p id={helpIdOf(idBase)} className="hint">
      {help}
    </p>
  ) : null;
  if (as === 'group') {
    return (
      <fieldset className={classes} aria-describedby={help ? helpIdOf(idBase) : undefined}>
        <legend id={labelIdOf(idBase)} className={labelClass}>
          {label}
        </legend>
        {helpText}
        {children}
      </fieldset>
    );
  }
  return (
    <div className={classes}>
      {as === 'input' ? (
        <label id={labelIdOf(idBase)} htmlFor={idBase} className={labelClass}>
          {label}
        </label>
      ) : (
        <div id={labelIdOf(idBase)} className={labelClass}>
          {label}
        </div>
      )}
      {helpText}
      {children}
    </div>
  );
}
