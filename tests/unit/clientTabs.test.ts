import { describe, expect, it } from 'vitest';
import { CLIENT_TABS, DEFAULT_CLIENT_TAB, tabAfterKey } from '../../renderer/src/clients/clientTabs';

describe('client page tabs', () => {
  it('has the tabs issue 12 names, Notes first and by default, each id once', () => {
    expect(CLIENT_TABS.map((tab) => tab.label)).toEqual([
      'Notes',
      'Homework',
      'Measures',
      'Substances and medications',
      'Safety plan',
      'Details',
    ]);
    expect(DEFAULT_CLIENT_TAB).toBe('notes');
    expect(new Set(CLIENT_TABS.map((tab) => tab.id)).size).toBe(CLIENT_TABS.length);
  });

  // [from, key, count, to]
  const moves: [number, string, number, number | null][] = [
    [0, 'ArrowRight', 6, 1],
    [4, 'ArrowRight', 6, 5],
    [5, 'ArrowRight', 6, 0],
    [0, 'ArrowLeft', 6, 5],
    [3, 'ArrowLeft', 6, 2],
    [3, 'Home', 6, 0],
    [3, 'End', 6, 5],
    [0, 'ArrowRight', 1, 0],
    [2, 'ArrowDown', 6, null],
    [2, 'Tab', 6, null],
    [2, 'Enter', 6, null],
    [0, 'ArrowRight', 0, null],
  ];
  it.each(moves)('from tab %i, %s among %i goes to %s', (from, key, count, to) => {
    expect(tabAfterKey(from, key, count)).toBe(to);
  });
});
