import { actor, caught, code } from '../meetings/spec-kit.js';
import {
  assertRecordComplete,
  missingRecordElements,
  nextRecordBookState,
  RECORD_BOOK_TRANSITIONS,
  recorderFor,
  replaceLostBook,
  type RecordBookAction,
  type RecordBookState,
} from './meeting-record.rules.js';

describe('who records (seed 002 L411–415)', () => {
  it.each<[string, boolean, string | null]>([
    ['government-plenary', false, 'research-office'],
    ['executive-meeting', false, 'research-office'],
    ['district-head-topic-meeting', true, 'research-office'],
    ['district-head-topic-meeting', false, 'secretariat-unit'],
    ['deputy-head-topic-meeting', false, 'secretariat-unit'],
    ['director-office-meeting', false, 'general-affairs-unit'],
    ['government-party-group', false, 'party-building-office'],
    ['committee-forum', false, null],
  ])('%s (comprehensive %s) → %s', (type, comprehensive, unit) => {
    expect(recorderFor(type, { comprehensiveTopic: comprehensive })).toBe(unit);
  });
});

describe('record elements (seed 002 L418)', () => {
  const full = { time: 't', place: 'p', name: 'n', chair: 'c', recorder: 'r', attendees: ['a'], agenda: ['g'] };
  it.each<[Record<string, unknown>, boolean, string[]]>([
    [full, false, []],
    [{ ...full, chair: '' }, false, ['chair']],
    [{ ...full, attendees: [] }, false, ['attendees']],
    [full, true, ['signInSheet']], // large or important topic meetings attach the sign-in sheet
    [{ ...full, signInSheet: 'sheet-1' }, true, []],
  ])('%j (large %s) lacks %j', (record, large, missing) => {
    expect(missingRecordElements(record, { largeOrImportant: large })).toEqual(missing);
    expect(code(() => assertRecordComplete(record, { largeOrImportant: large }))).toBe(missing.length ? 'BAD_USER_INPUT' : 'ok');
  });
});

describe('record books (seed 002 L422)', () => {
  it.each<[RecordBookState | null, RecordBookAction, string, RecordBookState]>([
    [null, 'issue', 'clerk', 'issued'],
    ['issued', 'change-holder', 'clerk', 'issued'],
    ['issued', 'report-lost', 'section-chief', 'lost'],
    ['issued', 'return', 'clerk', 'returned'],
  ])('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(nextRecordBookState(from, action, actor([role as never]))).toBe(to);
  });
  it('covers the table', () => expect(RECORD_BOOK_TRANSITIONS).toHaveLength(4));
  it.each<[RecordBookState | null, RecordBookAction, string, string]>([
    ['lost', 'change-holder', 'clerk', 'CONFLICT'],
    ['returned', 'report-lost', 'clerk', 'CONFLICT'],
    [null, 'issue', 'section-chief', 'FORBIDDEN'], // only 综合股 issues books
  ])('%s --%s by %s → %s', (from, action, role, expected) => {
    expect(code(() => nextRecordBookState(from, action, actor([role as never])))).toBe(expected);
  });
  // SCENARIOS.md seed002 #30
  it('a lost book: marked lost, a new numbered book to the same holder, a re-fill task', () => {
    expect(replaceLostBook({ number: 7, holderId: 'h1', state: 'issued' }, 12, actor(['clerk']))).toEqual({
      lost: { number: 7, holderId: 'h1', state: 'lost' },
      replacement: { number: 12, holderId: 'h1', state: 'issued' },
      task: { kind: 'refill-missing-records', holderId: 'h1', lostBookNumber: 7 },
    });
  });
  it.each<[number, RecordBookState, string]>([
    [7, 'issued', 'BAD_USER_INPUT'], // the same number again
    [12, 'lost', 'CONFLICT'], // already lost
  ])('replacement number %i for a book that is %s → %s', (n, state, expected) => {
    expect(caught(() => replaceLostBook({ number: 7, holderId: 'h1', state }, n, actor(['clerk']))).code).toBe(expected);
  });
});
