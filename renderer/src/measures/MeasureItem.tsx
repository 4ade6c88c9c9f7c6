import type { KeyboardEvent } from 'react';
import type { AnswerOption, InstrumentDef } from '../../../shared/measures';

type Item = InstrumentDef['items'][number];

type ItemProps = {
  /** The form's id, which every id in the row starts with. */
  formId: string;
  instrument: InstrumentDef['id'];
  item: Item;
  index: number;
  /** The score chosen for this item, or null while it has none. */
  chosen: number | null | undefined;
  /** True when the answers are laid out as a grid under named columns (MeasureGridHead). */
  grid: boolean;
  /** Record was tried without an answer here. */
  missing: boolean;
  onAnswer: (index: number, score: number) => void;
  onKey: (event: KeyboardEvent, index: number) => void;
};

/**
 * One item of a measure: its text, and its answers as a radio group (a grid cell per
 * answer when every item shares them, else each answer written out). Marked when Record
 * was tried without an answer; a paraphrased item points at the form's paraphrase note.
 */
export function MeasureItem({
  formId: id,
  instrument,
  item,
  index,
  chosen,
  grid,
  missing,
  onAnswer,
  onKey,
}: ItemProps) {
  const described = [
    item.wording === 'paraphrase' ? `${id}-paraphrase` : '',
    missing ? `${id}-item-${item.number}-missing` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className={missing ? 'measure-item is-missing' : 'measure-item'}>
      <div className="measure-item-text">
        <span id={`${id}-item-${item.number}`}>
          <span className="item-number">
            <span className="visually-hidden">Item </span>
            {item.number}.
          </span>{' '}
          {item.text}
        </span>
        {item.wording === 'paraphrase' && (
          <span className="paraphrase-tag" aria-hidden="true">
            paraphrase
          </span>
        )}
        {missing && (
          <span id={`${id}-item-${item.number}-missing`} className="item-missing">
            No answer
          </span>
        )}
      </div>
      <div
        className={grid ? 'measure-grid-answers' : 'measure-options'}
        role="radiogroup"
        data-item-index={index}
        aria-labelledby={`${id}-item-${item.number}`}
        aria-describedby={described || undefined}
        aria-invalid={missing ? true : undefined}
        onKeyDown={(event) => onKey(event, index)}
      >
        {item.options.map((option) => {
          const checked = chosen === option.score;
          return grid ? (
            <label key={option.score} className={checked ? 'grid-cell checked' : 'grid-cell'} title={option.label}>
              <input
                type="radio"
                name={`${id}-${instrument}-item-${item.number}`}
                value={option.score}
                checked={checked}
                onChange={() => onAnswer(index, option.score)}
              />
              <span className="visually-hidden">{option.label}</span>
            </label>
          ) : (
            <label key={option.score} className={checked ? 'choice checked' : 'choice'}>
              <input
                type="radio"
                name={`${id}-${instrument}-item-${item.number}`}
                value={option.score}
                checked={checked}
                onChange={() => onAnswer(index, option.score)}
              />
              <span className="option-score" aria-hidden="true">
                {option.score}
              </span>
              {option.label}
            </label>
          );
        })}
      </div>
    </li>
  );
}

/**
 * The answers named once above their columns, as on the paper form; each radio carries
 * its own name for assistive technology, so this row is hidden from it.
 */
export function MeasureGridHead({ options }: { options: readonly AnswerOption[] }) {
  return (
    <div className="measure-grid-head" aria-hidden="true">
      <span />
      <span className="measure-grid-answers">
        {options.map((option) => (
          <span key={option.score} className="grid-head-cell">
            <span className="option-score">{option.score}</span>
            {option.label}
          </span>
        ))}
      </span>
    </div>
  );
}
