import { Kvm } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { GovError } from '@gov/contracts';
import { connectTestNats, eventually } from '@gov/testing';
import { errorCode, graphql, login, startTestPlatform, type TestPlatform } from './support/platform.js';

/**
 * An administrator loads a new year of the working-day calendar through the gateway; every service's
 * CalendarStore picks it up (JetStream KV watch) without a restart. Only `admin` may load; bad data is refused.
 */

/**
 * TEST FIXTURE, NOT THE OFFICIAL SCHEDULE. The State Council publishes the 2027 放假调休安排 in late 2026; these
 * dates are invented for the test (shaped like a real year so the validation rules apply) and must never be
 * copied into libs/calendar/data.
 */
const FIXTURE_2027 = {
  year: 2027,
  source: 'TEST FIXTURE — not a State Council notice',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-14' },
    { name: '清明节', from: '2027-04-03', to: '2027-04-05' },
    { name: '劳动节', from: '2027-05-01', to: '2027-05-05' },
    { name: '端午节', from: '2027-06-09', to: '2027-06-11' },
    { name: '中秋节', from: '2027-09-15', to: '2027-09-15' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  makeUpWorkdays: ['2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
};

/** The expected count, computed here independently of libs/calendar: Mon–Fri not in a holiday, plus make-up days. */
function expectedWorkingDays(y: typeof FIXTURE_2027): number {
  const off = new Set<string>();
  for (const h of y.holidays) {
    for (let d = new Date(`${h.from}T00:00:00Z`); d <= new Date(`${h.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
      off.add(d.toISOString().slice(0, 10));
    }
  }
  let n = 0;
  for (let d = new Date(`${y.year}-01-01T00:00:00Z`); d.getUTCFullYear() === y.year; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
    if ((weekday && !off.has(iso)) || y.makeUpWorkdays.includes(iso)) n++;
  }
  return n;
}

const LOAD = `mutation Load($input: CalendarYearInput!) {
  loadCalendarYear(input: $input) { year source holidays { name from to } makeUpWorkdays workingDays }
}`;
const YEARS = `query { calendarYears { year source workingDays } }`;

let platform: TestPlatform;
let admin: string;
let clerk: string;
let nc: NatsConnection;

async function years(token: string): Promise<number[]> {
  const res = await graphql(platform.gateway, YEARS, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data!.calendarYears.map((y: { year: number }) => y.year);
}

/** What is stored in the shared bucket, i.e. what every service will load. */
async function storedYear(year: number): Promise<unknown> {
  const kv = await new Kvm(nc).open(platform.space.calendarBucket);
  const entry = await kv.get(`year.${year}`);
  return entry && entry.operation === 'PUT' ? entry.json() : null;
}

function documentsCalendar() {
  return platform.documents.runtime.calendars.calendar;
}

function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof GovError ? error.code : `not a GovError: ${String(error)}`;
  }
  return undefined;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, clerk] = await Promise.all([login(platform.issuer, 'admin'), login(platform.issuer, 'clerk')]);
  nc = await connectTestNats();
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('loading a working-day calendar year through the gateway', () => {
  it('before the load: 2025 and 2026 only, and a deadline running into 2027 is an explicit error', async () => {
    expect(await years(clerk)).toEqual([2025, 2026]);
    expect(documentsCalendar().years()).toEqual([2025, 2026]);
    expect(thrownCode(() => documentsCalendar().addWorkingDays('2026-12-28', 5))).toBe('CALENDAR_DATA_MISSING');
    expect(await storedYear(2027)).toBeNull();
  });

  it('a clerk may not load a year: FORBIDDEN, and the calendar is unchanged', async () => {
    const res = await graphql(platform.gateway, LOAD, { input: FIXTURE_2027 }, clerk);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.data?.loadCalendarYear ?? null).toBeNull();
    expect(await storedYear(2027)).toBeNull();
    expect(await years(admin)).toEqual([2025, 2026]);
    expect(documentsCalendar().years()).toEqual([2025, 2026]);
  });

  it('no token at all: UNAUTHENTICATED', async () => {
    const res = await graphql(platform.gateway, LOAD, { input: FIXTURE_2027 });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(await storedYear(2027)).toBeNull();
  });

  it.each([
    ['a make-up workday on a weekday', { ...FIXTURE_2027, makeUpWorkdays: ['2027-03-03'] }, '2027-03-03 is a weekday'],
    [
      'a holiday outside the year',
      { ...FIXTURE_2027, holidays: [...FIXTURE_2027.holidays, { name: '元旦', from: '2028-01-01', to: '2028-01-01' }] },
      '2028-01-01 is not in year 2027',
    ],
    ['a make-up workday outside the year', { ...FIXTURE_2027, makeUpWorkdays: ['2026-12-26'] }, '2026-12-26 is not in year 2027'],
    ['a make-up workday inside a holiday', { ...FIXTURE_2027, makeUpWorkdays: ['2027-02-13'] }, 'inside the holiday 春节'],
    ['a date that does not exist', { ...FIXTURE_2027, makeUpWorkdays: ['2027-02-30'] }, 'real date'],
    ['no holidays at all', { ...FIXTURE_2027, holidays: [] }, 'at least one public holiday'],
  ])('an admin loading invalid data (%s) gets BAD_USER_INPUT and nothing is stored', async (_label, input, reason) => {
    const res = await graphql(platform.gateway, LOAD, { input }, admin);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toContain(reason);
    expect(res.data?.loadCalendarYear ?? null).toBeNull();
    expect(await storedYear(2027)).toBeNull();
    expect(await years(admin)).toEqual([2025, 2026]);
  });

  it('an admin loads 2027: the year comes back with its working-day count and every service sees it', async () => {
    const res = await graphql(platform.gateway, LOAD, { input: FIXTURE_2027 }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.loadCalendarYear).toEqual({ ...FIXTURE_2027, workingDays: expectedWorkingDays(FIXTURE_2027) });
    expect(res.data!.loadCalendarYear.workingDays).toBe(246); // a sanity anchor for the oracle above

    expect(await years(admin)).toEqual([2025, 2026, 2027]);
    expect(await years(clerk)).toEqual([2025, 2026, 2027]);
    expect(await storedYear(2027)).toEqual(FIXTURE_2027);

    // The documents service loaded nothing itself: its store's watch picks the year up, no restart.
    // Mon 28 Dec 2026 + 5 working days: 29, 30, 31 Dec; 1–3 Jan off (fixture 元旦); Mon 4 (4), Tue 5 Jan (5).
    const due = await eventually(() => {
      try {
        return documentsCalendar().addWorkingDays('2026-12-28', 5);
      } catch {
        return undefined;
      }
    });
    expect(due).toBe('2027-01-05');
    expect(documentsCalendar().years()).toEqual([2025, 2026, 2027]);
    expect(documentsCalendar().dayKind('2027-02-20')).toBe('make-up-workday');
    expect(documentsCalendar().dayKind('2027-02-08')).toBe('holiday');
    await eventually(() => (platform.supervision.runtime.calendars.calendar.years().includes(2027) ? true : undefined));
    expect(platform.supervision.runtime.calendars.calendar.addWorkingDays('2026-12-28', 5)).toBe('2027-01-05');
  });

  it('loading the year again replaces it (a corrected notice): still one 2027, with the new data everywhere', async () => {
    const corrected = { ...FIXTURE_2027, source: 'TEST FIXTURE — corrected', makeUpWorkdays: [...FIXTURE_2027.makeUpWorkdays, '2027-01-09'] };
    const res = await graphql(platform.gateway, LOAD, { input: corrected }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.loadCalendarYear.workingDays).toBe(expectedWorkingDays(corrected));
    const listed = await graphql(platform.gateway, YEARS, {}, admin);
    expect(listed.data!.calendarYears.filter((y: { year: number }) => y.year === 2027)).toEqual([
      { year: 2027, source: corrected.source, workingDays: expectedWorkingDays(corrected) },
    ]);
    await eventually(() => (documentsCalendar().dayKind('2027-01-09') === 'make-up-workday' ? true : undefined));
    expect(documentsCalendar().yearData(2027)?.source).toBe(corrected.source);
  });
});
