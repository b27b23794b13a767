import { formatYearNumber, numberingYear } from '@gov/persistence';
import { ITEM_NUMBER_PREFIX } from './item-number.js';

describe('督办编号', () => {
  it.each([
    [2026, 1, '督〔2026〕1号'],
    [2026, 15, '督〔2026〕15号'],
    [2027, 120, '督〔2027〕120号'],
  ])('formats year %i, value %i as %s', (year, value, expected) => {
    expect(formatYearNumber(ITEM_NUMBER_PREFIX, year, value)).toBe(expected);
  });

  it.each([
    ['2025-12-31T15:59:59Z', 2025],
    ['2025-12-31T16:00:00Z', 2026], // already 1 January in Beijing
  ])('numbers an item opened at %s in year %i (Beijing)', (at, year) => {
    expect(numberingYear(new Date(at))).toBe(year);
  });
});
