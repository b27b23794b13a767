import { formatYearNumber, numberingYear } from './numbering.js';

describe('year numbers', () => {
  it.each([
    ['收文', 2026, 15, '收文〔2026〕15号'],
    ['区委办发', 2026, 1, '区委办发〔2026〕1号'],
    ['督', 2027, 120, '督〔2027〕120号'],
  ])('%s, year %i, value %i prints as %s (no zero padding)', (prefix, year, value, printed) => {
    expect(formatYearNumber(prefix, year, value)).toBe(printed);
  });

  it.each([
    ['2025-12-31T15:59:59Z', 2025],
    ['2025-12-31T16:00:00Z', 2026], // already 1 January in Beijing
    ['2026-06-30T23:00:00Z', 2026],
  ])('a number given at %s counts in year %i (Beijing time)', (at, year) => {
    expect(numberingYear(new Date(at))).toBe(year);
  });
});
