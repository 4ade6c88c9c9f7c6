import { type KeyboardEvent, useRef } from 'react';
import type { RatingField } from '../../../../shared/templates/types';
import { FieldShell } from './FieldShell';
import type { FieldProps } from './fieldProps';
import { useFieldValue } from './TextFields';

/** "7 — Best" when the value sits on an anchor, for screen readers and the read-only view. */
export function anchorText(field: RatingField, value: number): string {
  const anchor = field.anchors.find((each) => each.value === value);
  return anchor ? `${value} (${anchor.label})` : String(value);
}

/** A typed rating as the scale can hold it: whole, within 0–max, on the step. */
function snap(value: number, max: number, step: number): number {
  const stepped = Math.round(value / step) * step;
  return Math.min(max - (max % step), Math.max(0, stepped));
}

/** "1" then "0" typed this quickly on a 0–10 scale means 10, not 0. */
const TEN_WINDOW_MS = 700;

/**
 * A 0–10 rating is a row of eleven radio buttons (one click, arrow keys move, a number
 * key sets it, "1 0" sets 10, Backspace clears); a 0–100 rating is a number box beside a
 * slider, both bound to one value. Each rating is one tab stop: the slider and "Clear"
 * are for the mouse, so typing after Tab never lands on them. Anchor labels sit under the
 * scale at their points. "Not rated" (null) stays distinct from 0.
 */
export function RatingInput({
  field,
  initial,
  idBase,
  onChange,
  onCommit,
  labelHidden,
}: FieldProps<RatingField, number | null>) {
  const [value, set] = useFieldValue(initial, onChange);
  const lastDigit = useRef<{ digit: number; at: number } | null>(null);
  const clear =
    value === null ? (
      <span className="muted small not-rated">Not rated</span>
    ) : (
      <button
        type="button"
        className="quiet small-button"
        tabIndex={-1}
        title="Clear the rating (Backspace in the scale)"
        onClick={() => set(null)}
        onBlur={onCommit}
      >
        Clear<span className="visually-hidden"> {field.label}</span>
      </button>
    );

  /** Number keys set the 0–10 scale and move focus to the chosen point; Backspace or Delete clears. */
  function onScaleKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      set(null);
      return;
    }
    if (!/^[0-9]$/.test(event.key)) return;
    event.preventDefault();
    const digit = Number(event.key);
    const before = lastDigit.current;
    const now = event.timeStamp;
    const point = before?.digit === 1 && digit === 0 && now - before.at < TEN_WINDOW_MS ? 10 : digit;
    lastDigit.current = { digit, at: now };
    set(point);
    event.currentTarget.querySelector<HTMLInputElement>(`input[value="${point}"]`)?.focus();
  }

  if (field.max === 10) {
    const points = Array.from({ length: 11 }, (_, index) => index);
    return (
      <FieldShell
        idBase={idBase}
        label={field.label}
        help={field.help}
        labelHidden={labelHidden}
        as="group"
        className="rating"
      >
        <div className="rating-row">
          <div className="scale-10">
            {/* biome-ignore lint/a11y/noStaticElementInteractions: keys typed on the radios inside bubble here */}
            <div className="segments" onKeyDown={onScaleKey}>
              {points.map((point) => (
                <label key={point} className={value === point ? 'segment checked' : 'segment'}>
                  <input
                    type="radio"
                    name={idBase}
                    value={point}
                    checked={value === point}
                    aria-label={anchorText(field, point)}
                    onChange={() => set(point)}
                    onBlur={onCommit}
                  />
                  <span aria-hidden="true">{point}</span>
                </label>
              ))}
            </div>
            <Anchors field={field} at={(point) => ((point + 0.5) / 11) * 100} />
          </div>
          {clear}
        </div>
      </FieldShell>
    );
  }

  const step = field.step ?? 1;
  return (
    <FieldShell
      idBase={idBase}
      label={field.label}
      help={field.help}
      labelHidden={labelHidden}
      as="group"
      className="rating"
    >
      <div className="rating-row">
        <input
          id={`${idBase}-number`}
          className="rating-number"
          type="number"
          min={0}
          max={100}
          step={step}
          inputMode="numeric"
          value={value ?? ''}
          aria-label={`${field.label}, ${anchorText(field, 0)} to ${anchorText(field, 100)}`}
          onChange={(event) => set(event.target.value === '' ? null : snap(Number(event.target.value), 100, step))}
          onBlur={onCommit}
        />
        <div className="scale-100">
          <input
            type="range"
            tabIndex={-1}
            className={value === null ? 'unset' : undefined}
            min={0}
            max={100}
            step={step}
            value={value ?? 0}
            aria-label={`${field.label}, slider`}
            aria-valuetext={value === null ? 'Not rated' : anchorText(field, value)}
            onChange={(event) => set(Number(event.target.value))}
            onBlur={onCommit}
          />
          <Anchors field={field} at={(point) => point} />
        </div>
        {clear}
      </div>
    </FieldShell>
  );
}

/** Anchor labels under the scale; `at` gives a value's position in percent of the width. */
function Anchors({ field, at }: { field: RatingField; at: (value: number) => number }) {
  if (field.anchors.length === 0) return null;
  return (
    <div className="anchors" aria-hidden="true">
      {field.anchors.map((anchor) => {
        // The ends align to the edges so their labels never overflow the scale.
        const align = anchor.value <= 0 ? 'start' : anchor.value >= field.max ? 'end' : 'middle';
        const left = align === 'start' ? 0 : align === 'end' ? 100 : at(anchor.value);
        return (
          <span key={anchor.value} className={`anchor anchor-${align}`} style={{ left: `${left}%` }}>
            {anchor.label}
          </span>
        );
      })}
    </div>
  );
}
