/**
 * Editing an ordered list of keyed items: the sections and fields of a template, a
 * choice's options, a worksheet's parts, columns, steps and lines. Pure, so every
 * editor adds, moves and removes the same way, and each answer says where the
 * keyboard focus should go next (a list that loses the focused control must not
 * drop the focus to the page).
 */

/** An item with a key that is stable while editing (React key, DOM ids). */
export type Keyed = { readonly key: string };

/** A list after a change, and the key of the item that should take the focus (null: none is left). */
export type Edited<T> = { items: T[]; focus: string | null };

/** Puts `item` after the item keyed `afterKey`, or at the end when there is none. */
export function insertAfter<T extends Keyed>(items: readonly T[], afterKey: string | null, item: T): Edited<T> {
  const at = afterKey === null ? -1 : items.findIndex((each) => each.key === afterKey);
  const next = [...items];
  next.splice(at < 0 ? items.length : at + 1, 0, item);
  return { items: next, focus: item.key };
}

/** Takes the item out; the focus goes to the one that took its place, else the one before it. */
export function removeItem<T extends Keyed>(items: readonly T[], key: string): Edited<T> {
  const at = items.findIndex((each) => each.key === key);
  if (at < 0) return { items: [...items], focus: null };
  const neighbour = items[at + 1] ?? items[at - 1];
  return { items: items.filter((each) => each.key !== key), focus: neighbour?.key ?? null };
}

/** Moves the item one place up (-1) or down (+1); the focus follows it. At either end nothing moves. */
export function moveItem<T extends Keyed>(items: readonly T[], key: string, delta: -1 | 1): Edited<T> {
  const at = items.findIndex((each) => each.key === key);
  const target = at + delta;
  if (at < 0 || target < 0 || target >= items.length) return { items: [...items], focus: at < 0 ? null : key };
  const next = [...items];
  const [item] = next.splice(at, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return { items: next, focus: key };
}

/** The list with the item keyed `key` replaced by `next` (its label renamed, its details changed…). */
export function replaceItem<T extends Keyed>(items: readonly T[], key: string, next: T): T[] {
  return items.map((each) => (each.key === key ? next : each));
}

/** The list with some properties of one item changed, e.g. `{ label: 'Mood' }`. */
export function updateItem<T extends Keyed>(items: readonly T[], key: string, change: Partial<T>): T[] {
  return items.map((each) => (each.key === key ? { ...each, ...change } : each));
}

/** What the move and remove buttons of the item at `index` may do. */
export function rowLimits(index: number, count: number, least: number) {
  return { canMoveUp: index > 0, canMoveDown: index < count - 1, canRemove: count > least };
}
