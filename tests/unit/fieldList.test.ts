/**
 * The list operations both definition editors (note templates, worksheets) use for
 * sections, fields, options, parts, columns, steps and lines: the resulting order and
 * where the keyboard focus goes next. Focus after a change is an accessibility
 * requirement (WCAG 2.2, 2.4.3 Focus Order): a removed control must not drop the focus
 * to the top of the page.
 */
import { describe, expect, it } from 'vitest';
import {
  insertAfter,
  moveItem,
  removeItem,
  replaceItem,
  rowLimits,
  updateItem,
} from '../../renderer/src/components/fieldList/fieldList';

type Item = { key: string; label: string; help?: string };
const list = (...keys: string[]): Item[] => keys.map((key) => ({ key, label: key.toUpperCase() }));
const keys = (items: readonly Item[]) => items.map((item) => item.key).join(' ');

describe('insertAfter', () => {
  it.each([
    { why: 'at the end when no item is named', items: list('a', 'b'), after: null, order: 'a b n' },
    { why: 'after the named item', items: list('a', 'b', 'c'), after: 'a', order: 'a n b c' },
    { why: 'after the last item', items: list('a', 'b'), after: 'b', order: 'a b n' },
    { why: 'at the end when the named item is gone', items: list('a', 'b'), after: 'x', order: 'a b n' },
    { why: 'into an empty list', items: list(), after: null, order: 'n' },
  ])('puts the new item $why, and the focus in it', ({ items, after, order }) => {
    const edited = insertAfter(items, after, { key: 'n', label: 'New' });
    expect(keys(edited.items)).toBe(order);
    expect(edited.focus).toBe('n');
    expect(keys(items)).not.toContain('n'); // the draft's own list is left as it was
  });
});

describe('removeItem', () => {
  it.each([
    { why: 'the next item, which takes its place', items: list('a', 'b', 'c'), key: 'b', order: 'a c', focus: 'c' },
    { why: 'the one before, when the last is removed', items: list('a', 'b', 'c'), key: 'c', order: 'a b', focus: 'b' },
    { why: 'the next one, when the first is removed', items: list('a', 'b', 'c'), key: 'a', order: 'b c', focus: 'b' },
    { why: 'nothing, when none is left', items: list('a'), key: 'a', order: '', focus: null },
    { why: 'nothing, when the item is not there', items: list('a', 'b'), key: 'x', order: 'a b', focus: null },
  ])('takes the item out; the focus goes to $why', ({ items, key, order, focus }) => {
    const edited = removeItem(items, key);
    expect(keys(edited.items)).toBe(order);
    expect(edited.focus).toBe(focus);
  });
});

describe('moveItem', () => {
  it.each([
    { why: 'up one place', items: list('a', 'b', 'c'), key: 'c', delta: -1, order: 'a c b', focus: 'c' },
    { why: 'down one place', items: list('a', 'b', 'c'), key: 'a', delta: 1, order: 'b a c', focus: 'a' },
    { why: 'nowhere above the top', items: list('a', 'b'), key: 'a', delta: -1, order: 'a b', focus: 'a' },
    { why: 'nowhere below the bottom', items: list('a', 'b'), key: 'b', delta: 1, order: 'a b', focus: 'b' },
    { why: 'nowhere when it is not there', items: list('a', 'b'), key: 'x', delta: 1, order: 'a b', focus: null },
  ] as const)('moves the item $why; the focus follows it', ({ items, key, delta, order, focus }) => {
    const edited = moveItem(items, key, delta);
    expect(keys(edited.items)).toBe(order);
    expect(edited.focus).toBe(focus);
  });
});

describe('replaceItem and updateItem', () => {
  it('renames one item and leaves the others (and their order) alone', () => {
    const items = list('a', 'b', 'c');
    const renamed = updateItem(items, 'b', { label: 'Mood' });
    expect(renamed.map((item) => item.label)).toEqual(['A', 'Mood', 'C']);
    expect(renamed[0]).toBe(items[0]);
    expect(items[1]?.label).toBe('B');
  });

  it('changes several properties at once and keeps the rest of the item', () => {
    const [changed] = updateItem(list('a'), 'a', { help: 'One line' });
    expect(changed).toEqual({ key: 'a', label: 'A', help: 'One line' });
  });

  it('replaces a whole item, e.g. a field whose kind-specific details changed', () => {
    const next = { key: 'b', label: 'Rating', help: '0 to 10' };
    expect(replaceItem(list('a', 'b'), 'b', next)).toEqual([{ key: 'a', label: 'A' }, next]);
    expect(keys(replaceItem(list('a', 'b'), 'x', next))).toBe('a b');
  });

  it('edits an options list the same way as any other list', () => {
    let options = list('yes', 'no');
    options = updateItem(options, 'yes', { label: 'Yes' });
    options = insertAfter(options, 'yes', { key: 'unsure', label: 'Unsure' }).items;
    options = removeItem(options, 'no').items;
    expect(options.map((option) => option.label)).toEqual(['Yes', 'Unsure']);
  });
});

describe('rowLimits', () => {
  it.each([
    {
      why: 'the only item of a list that needs one',
      index: 0,
      count: 1,
      least: 1,
      up: false,
      down: false,
      remove: false,
    },
    {
      why: 'the only item of a list that may be empty',
      index: 0,
      count: 1,
      least: 0,
      up: false,
      down: false,
      remove: true,
    },
    { why: 'the first of three', index: 0, count: 3, least: 1, up: false, down: true, remove: true },
    { why: 'the middle of three', index: 1, count: 3, least: 1, up: true, down: true, remove: true },
    { why: 'the last of three', index: 2, count: 3, least: 1, up: true, down: false, remove: true },
  ])('$why', ({ index, count, least, up, down, remove }) => {
    expect(rowLimits(index, count, least)).toEqual({ canMoveUp: up, canMoveDown: down, canRemove: remove });
  });
});
