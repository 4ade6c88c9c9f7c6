import { Fragment, type ReactNode, useState } from 'react';
import { useProblem } from '../../templates/editorParts';
import type { Keyed } from './fieldList';
import { RowTools, type RowToolsProps } from './RowTools';
import type { FieldListOps } from './useFieldList';

/** What one item's editor gets from its list: where it stands and what it may do. */
export type Row<T> = {
  index: number;
  count: number;
  replace: (next: T) => void;
  update: (change: Partial<T>) => void;
  move: (delta: -1 | 1) => void;
  remove: () => void;
};

type Props<T extends Keyed> = {
  list: FieldListOps<T>;
  /** The list's class: "tpl-sections", "tpl-fields", "tpl-options". */
  className: string;
  /** Where a problem with the whole list shows (e.g. no options left), if it has a place. */
  problemPlace?: string;
  /** Shown instead of an empty list, if anything. */
  empty?: ReactNode;
  /** Draws one item: an <li>. */
  renderItem: (item: T, row: Row<T>) => ReactNode;
  /** The add control, under the list and its problem. */
  children?: ReactNode;
};

/** An ordered list of items, its problem and its add control: the shape of every list in both editors. */
export function FieldListEditor<T extends Keyed>({
  list,
  className,
  problemPlace,
  empty,
  renderItem,
  children,
}: Props<T>) {
  const { items } = list;
  return (
    <>
      {items.length === 0 && empty !== undefined ? (
        empty
      ) : (
        <ol className={className}>
          {items.map((item, index) => (
            <Fragment key={item.key}>
              {renderItem(item, {
                index,
                count: items.length,
                replace: (next) => list.replace(item.key, next),
                update: (change) => list.update(item.key, change),
                move: (delta) => list.move(item.key, delta),
                remove: () => list.remove(item.key),
              })}
            </Fragment>
          ))}
        </ol>
      )}
      {problemPlace !== undefined && <ListProblem place={problemPlace} />}
      {children}
    </>
  );
}

/** A problem with a whole list, shown under it. */
function ListProblem({ place }: { place: string }) {
  return useProblem(place).node;
}

type ItemRowProps<T> = Omit<RowToolsProps, 'index' | 'count' | 'onMove' | 'onRemove'> & {
  row: Row<T>;
  /** The item's name for the list of items, read out as the item is reached. */
  label: string;
  /** Classes of the box that holds the item's controls, beside its tools. */
  boxesClassName?: string;
  children: ReactNode;
};

/** One item whose boxes stand on the left and its move and remove buttons on the right. */
export function ItemRow<T>({ row, label, boxesClassName, children, ...tools }: ItemRowProps<T>) {
  return (
    <li className="tpl-field" aria-label={label}>
      <div className="ws-item-row">
        <div className={boxesClassName ? `ws-grow ${boxesClassName}` : 'ws-grow'}>{children}</div>
        <RowTools {...tools} index={row.index} count={row.count} onMove={row.move} onRemove={row.remove} />
      </div>
    </li>
  );
}

type ItemCardProps<T> = Omit<RowToolsProps, 'index' | 'count' | 'onMove' | 'onRemove'> & {
  row: Row<T>;
  /** "tpl-section" or "tpl-field". */
  className: string;
  label: string;
  /** What the item is, above its boxes ("Section 2", "Paragraph"), and that text's class. */
  caption: ReactNode;
  captionClassName: string;
  /** Removing it asks first, when given; otherwise it goes at once. */
  onRemove?: () => void;
  children: ReactNode;
};

/** One item with a head line (what it is, then its move and remove buttons) over its boxes. */
export function ItemCard<T>(props: ItemCardProps<T>) {
  const { row, className, label, caption, captionClassName, onRemove, children, ...tools } = props;
  return (
    <li className={className} aria-label={label}>
      <div className="tpl-item-head">
        <span className={captionClassName}>{caption}</span>
        <RowTools {...tools} index={row.index} count={row.count} onMove={row.move} onRemove={onRemove ?? row.remove} />
      </div>
      {children}
    </li>
  );
}

type AddButtonProps = {
  /** What the button says: "Add column". */
  text: string;
  /** Its full name, when the text alone would not say which list it adds to. */
  label?: string;
  id?: string;
  disabled: boolean;
  onClick: () => void;
};

/** The small add button under a list. */
export function AddButton({ text, label, id, disabled, onClick }: AddButtonProps) {
  return (
    <button type="button" id={id} className="small-button" disabled={disabled} aria-label={label} onClick={onClick}>
      {text}
    </button>
  );
}

type AddKindProps<K extends string> = {
  /** "Add a field": names the choice of kind. */
  selectLabel: string;
  selectId: string;
  choices: readonly { value: K; label: string }[];
  /** The kind offered first. */
  initial: K;
  buttonId: string;
  buttonText: string;
  /** The button's full name, when its text alone would not say which list it adds to. */
  buttonLabel?: string;
  disabled?: boolean;
  onAdd: (kind: K) => void;
};

/** Choose a kind, then add one: under a template's fields and a worksheet's parts. */
export function AddKindControl<K extends string>(props: AddKindProps<K>) {
  const { selectLabel, selectId, choices, initial, buttonId, buttonText, buttonLabel, disabled, onAdd } = props;
  const [kind, setKind] = useState<K>(initial);
  return (
    <div className="tpl-add">
      <label htmlFor={selectId}>{selectLabel}</label>
      <select id={selectId} value={kind} onChange={(event) => setKind(event.target.value as K)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <button type="button" id={buttonId} disabled={disabled} aria-label={buttonLabel} onClick={() => onAdd(kind)}>
        {buttonText}
      </button>
    </div>
  );
}
