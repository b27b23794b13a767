import type { Actor } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { meetingType } from '../meetings/meeting-types.js';
import { applyTransition, type TransitionRow } from '../meetings/state-table.js';

/**
 * Meeting records (会议记录) and the record books they are kept in (seed002 W23, 会议记录工作规范, seed 002
 * L409–422): who records which meeting, what a record must contain, and the life of a record book.
 */

/** Units that keep records in the seed's government office (seed 002 L411–415). */
export type RecorderUnit = 'research-office' | 'liaison-secretary' | 'secretariat-unit' | 'general-affairs-unit' | 'party-building-office';

/**
 * Who records (seed 002 L411–415):
 * - 政府全体会议, 政府常务会议, 区长综合类专题会议 → 研究室 (L411);
 * - 区长其他专题会议, 副区长专题会议 → 秘书股 (L413; L455 gives the line's liaison secretary instead — RULES.md,
 *   open question Q10);
 * - 办公室主任(扩大)会议 → 综合股 (L414);
 * - 政府(办)党组会议 → 党建室 (L415).
 * Null where the seed names no recorder for the type.
 */
export function recorderFor(typeCode: string, opts: { comprehensiveTopic?: boolean } = {}): RecorderUnit | null {
  switch (meetingType(typeCode).code) {
    case 'government-plenary':
    case 'executive-meeting':
      return 'research-office';
    case 'district-head-topic-meeting':
      return opts.comprehensiveTopic ? 'research-office' : 'secretariat-unit';
    case 'deputy-head-topic-meeting':
      return 'secretariat-unit';
    case 'director-office-meeting':
      return 'general-affairs-unit';
    case 'government-party-group':
      return 'party-building-office';
    default:
      return null;
  }
}

/** 要素 (seed 002 L418): time, place, name, chair, recorder, attendees, agenda. */
export const RECORD_ELEMENTS = ['time', 'place', 'name', 'chair', 'recorder', 'attendees', 'agenda'] as const;

/** What a record lacks; a large meeting or an important topic meeting also attaches the sign-in sheet (L418). */
export function missingRecordElements(record: Readonly<Record<string, unknown>>, opts: { largeOrImportant: boolean }): string[] {
  const missing: string[] = RECORD_ELEMENTS.filter((f) => {
    const v = record[f];
    return v === null || v === undefined || (typeof v === 'string' && !v.trim()) || (Array.isArray(v) && v.length === 0);
  });
  if (opts.largeOrImportant && !record['signInSheet']) missing.push('signInSheet');
  return missing;
}

export function assertRecordComplete(record: Readonly<Record<string, unknown>>, opts: { largeOrImportant: boolean }): void {
  const missing = missingRecordElements(record, opts);
  if (missing.length > 0) throw GovError.badInput(`the meeting record lacks ${missing.join(', ')}`, { missing });
}

export type RecordBookState = 'issued' | 'lost' | 'returned';
export type RecordBookAction = 'issue' | 'change-holder' | 'report-lost' | 'return';

/**
 * A record book (seed 002 L422): 综合股 seals, numbers, registers and issues it; a change of holder is
 * registered at 综合股; a lost book is reported and a new one issued, the records re-filled; a replaced book
 * is collected, registered and archived by 综合股. 综合股 is the clerk's desk here; the holder reports a loss.
 */
export const RECORD_BOOK_TRANSITIONS: ReadonlyArray<TransitionRow<RecordBookState, RecordBookAction>> = [
  { from: null, action: 'issue', roles: ['clerk'], to: 'issued' },
  { from: 'issued', action: 'change-holder', roles: ['clerk'], to: 'issued' },
  { from: 'issued', action: 'report-lost', roles: ['clerk', 'section-chief', 'deputy-director', 'director'], to: 'lost' },
  { from: 'issued', action: 'return', roles: ['clerk'], to: 'returned' },
];

export function nextRecordBookState(from: RecordBookState | null, action: RecordBookAction, actor: Actor): RecordBookState {
  return applyTransition(RECORD_BOOK_TRANSITIONS, 'record book', from, action, actor);
}

export interface RecordBook {
  readonly number: number;
  readonly holderId: string;
  readonly state: RecordBookState;
}

/**
 * A lost book (SCENARIOS.md seed002 #30): the book is marked lost, a new numbered book goes to the same holder,
 * and a task to re-fill the missing records is opened. `nextNumber` comes from the book register's numbering.
 */
export function replaceLostBook(
  book: RecordBook,
  nextNumber: number,
  actor: Actor,
): { lost: RecordBook; replacement: RecordBook; task: { kind: 'refill-missing-records'; holderId: string; lostBookNumber: number } } {
  const state = nextRecordBookState(book.state, 'report-lost', actor);
  if (!Number.isInteger(nextNumber) || nextNumber <= book.number) {
    throw GovError.badInput('the replacement book takes a new, higher number', { nextNumber });
  }
  return {
    lost: { ...book, state },
    replacement: { number: nextNumber, holderId: book.holderId, state: 'issued' },
    task: { kind: 'refill-missing-records', holderId: book.holderId, lostBookNumber: book.number },
  };
}
