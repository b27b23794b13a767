import { readFileSync, readdirSync } from 'node:fs';
import { GovError } from '@gov/contracts';
import { BUNDLED_YEARS } from './bundled-years.js';
import { parseHolidayYear, type HolidayYear } from './holiday-year.js';
import { refusal as caught } from '@gov/spec-kit';

const dataDir = new URL('../data/', import.meta.url);
const readYear = (file: string): unknown => JSON.parse(readFileSync(new URL(file, dataDir), 'utf8'));


describe('bundled data = data/*.json', () => {
  it('has one JSON file per bundled year and no other', () => {
    expect(readdirSync(dataDir).sort()).toEqual(['2025.json', '2026.json']);
    expect(BUNDLED_YEARS.map((y) => y.year)).toEqual([2025, 2026]);
  });

  it.each(BUNDLED_YEARS.map((y) => [y.year, y] as const))('%i: the TS module equals the JSON file', (year, bundled) => {
    expect(readYear(`${year}.json`)).toEqual(bundled);
  });

  it.each(['2025.json', '2026.json'])('%s passes the schema unchanged', (file) => {
    const json = readYear(file);
    expect(parseHolidayYear(json)).toEqual(json);
  });

  it('holds the schedules of holidays.md (spot checks)', () => {
    const [y2025, y2026] = BUNDLED_YEARS as [HolidayYear, HolidayYear];
    expect(y2025.source).toBe('国办发明电〔2024〕12号 (2024-11-12)');
    expect(y2025.holidays.map((h) => `${h.name} ${h.from}..${h.to}`)).toEqual([
      '元旦 2025-01-01..2025-01-01',
      '春节 2025-01-28..2025-02-04',
      '清明节 2025-04-04..2025-04-06',
      '劳动节 2025-05-01..2025-05-05',
      '端午节 2025-05-31..2025-06-02',
      '国庆节、中秋节 2025-10-01..2025-10-08',
    ]);
    expect(y2025.makeUpWorkdays).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(y2026.holidays.map((h) => `${h.name} ${h.from}..${h.to}`)).toEqual([
      '元旦 2026-01-01..2026-01-03',
      '春节 2026-02-15..2026-02-23',
      '清明节 2026-04-04..2026-04-06',
      '劳动节 2026-05-01..2026-05-05',
      '端午节 2026-06-19..2026-06-21',
      '中秋节 2026-09-25..2026-09-27',
      '国庆节 2026-10-01..2026-10-07',
    ]);
    expect(y2026.makeUpWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});

describe('parseHolidayYear rejects bad data with BAD_USER_INPUT', () => {
  const base = (): HolidayYear => structuredClone(BUNDLED_YEARS[1]!);
  const withHoliday = (i: number, patch: Partial<HolidayYear['holidays'][number]>) => {
    const y = base();
    y.holidays[i] = { ...y.holidays[i]!, ...patch };
    return y;
  };
  const withMakeUp = (...days: string[]) => ({ ...base(), makeUpWorkdays: days });

  it.each<[string, unknown, string, string]>([
    ['impossible date', withMakeUp('2026-02-30'), 'makeUpWorkdays.0', 'real date'],
    ['date not YYYY-MM-DD', withHoliday(0, { from: '2026-1-1' }), 'holidays.0.from', 'real date'],
    ['make-up day on a weekday (Fri 13 Feb)', withMakeUp('2026-02-14', '2026-02-13'), 'makeUpWorkdays.1', 'is a weekday'],
    ['make-up day outside the year', withMakeUp('2027-01-02'), 'makeUpWorkdays.0', '2027-01-02 is not in year 2026'],
    ['holiday outside the year', withHoliday(0, { from: '2025-12-31' }), 'holidays.0.from', '2025-12-31 is not in year 2026'],
    ['holiday ending before it starts', withHoliday(1, { from: '2026-02-23', to: '2026-02-15' }), 'holidays.1', 'from 2026-02-23 is after to 2026-02-15'],
    ['make-up day inside a holiday', withMakeUp('2026-02-21'), 'makeUpWorkdays.0', 'inside the holiday 春节'],
    ['make-up day listed twice', withMakeUp('2026-02-14', '2026-02-14'), 'makeUpWorkdays.1', 'listed twice'],
    ['overlapping holidays', withHoliday(5, { to: '2026-10-01' }), 'holidays', '中秋节 and 国庆节 overlap'],
    ['blank source', { ...base(), source: '  ' }, 'source', 'source must name'],
    ['fractional year', { ...base(), year: 2026.5 }, 'year', ''],
    ['no holidays', { ...base(), holidays: [] }, 'holidays', 'at least one'],
    ['missing make-up list', { year: 2026, source: 'x', holidays: base().holidays }, 'makeUpWorkdays', ''],
    ['unknown key (typo)', { ...base(), makeupWorkdays: [] }, '', 'makeupWorkdays'],
  ])('%s', (_name, input, path, message) => {
    const err = caught(() => parseHolidayYear(input));
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/^invalid holiday calendar data/);
    const issues = err.details?.['issues'] as { path: string; message: string }[];
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) as string });
  });

  it.each([null, 'x', 2026, []])('rejects a non-object %p', (input) => {
    expect(caught(() => parseHolidayYear(input)).code).toBe('BAD_USER_INPUT');
  });

  it('reports every problem at once, with the year in the message', () => {
    const err = caught(() => parseHolidayYear(withMakeUp('2026-02-13', '2026-02-21')));
    expect(err.message).toBe(
      'invalid holiday calendar data for 2026: makeUpWorkdays.0: 2026-02-13 is a weekday; a make-up workday is a Saturday or Sunday; ' +
        'makeUpWorkdays.1: 2026-02-21 is inside the holiday 春节 (2026-02-15..2026-02-23)',
    );
  });
});
