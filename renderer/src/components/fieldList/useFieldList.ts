import { useEditor } from '../../templates/editorParts';
import { type Edited, insertAfter, type Keyed, moveItem, removeItem, replaceItem, updateItem } from './fieldList';

type Focus = {
  /** The controls of an item that may take the focus, best first (the first that exists and is enabled wins). */
  item: (key: string) => string[];
  /** Where the focus goes once the last item is removed. */
  whenEmpty?: string[];
  /** The controls of a new item to focus, when not the same as `item`'s. */
  added?: (key: string) => string[];
};

/** The operations of one list, each applied to the draft with the focus moved where it belongs. */
export type FieldListOps<T extends Keyed> = {
  items: readonly T[];
  /** Adds an item (at the end, or after `afterKey`) and puts the focus in it, its text selected. */
  add: (item: T, afterKey?: string | null) => void;
  remove: (key: string) => void;
  /** The focus follows the moved item through its own move button (see RowTools). */
  move: (key: string, delta: -1 | 1) => void;
  replace: (key: string, next: T) => void;
  update: (key: string, change: Partial<T>) => void;
};

/**
 * Binds the pure list operations (fieldList.ts) to a list in the draft and to the editor's focus.
 * Call it in a component drawn inside the editor's EditorContext (under EditorFrame): outside it
 * there is no editor to move the focus.
 */
export function useFieldList<T extends Keyed>(
  items: readonly T[],
  onChange: (items: T[]) => void,
  focus: Focus,
): FieldListOps<T> {
  const { focusLater } = useEditor();
  function apply(edited: Edited<T>, ids: (key: string) => string[], select = false) {
    onChange(edited.items);
    focusLater(edited.focus === null ? (focus.whenEmpty ?? []) : ids(edited.focus), select);
  }
  return {
    items,
    add: (item, afterKey = null) => apply(insertAfter(items, afterKey, item), focus.added ?? focus.item, true),
    remove: (key) => apply(removeItem(items, key), focus.item),
    move: (key, delta) => onChange(moveItem(items, key, delta).items),
    replace: (key, next) => onChange(replaceItem(items, key, next)),
    update: (key, change) => onChange(updateItem(items, key, change)),
  };
}
