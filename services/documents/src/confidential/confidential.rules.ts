import type { Actor, Role } from '@gov/auth';
import { CLEARANCES, canRead, clearanceAtLeast, applyTransition } from '@gov/auth';
import { addCalendarDays, assertIsoDate, dueDate, toIsoDate, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import { GovError, type Classification } from '@gov/contracts';
import { orderByRank, type RankedLeader } from '../incoming-review/leader-order.js';
import type { ConfidentialSettings } from './confidential.settings.js';

/**
 * Confidential documents (机要文件): received by the 机要室, the office director writes the proposed handling,
 * only the confidential clerk carries them, they are recovered after handling and returned complete by their
 * due date. Pure functions.
 *
 * Sources: seed004 W2 (seed 004 L28–40); seed000-b W36 (seed 000 L1026–1042: sign-for, registration fields,
 * conflicting instructions, reading order, 绝密 checks); seed001 A2 (seed 001 L1512–1522: 三密件 track; L1364
 * recall of 三密 documents; L1442–1444 copying); seed002 L104 (copying); seed003 W6 (seed 003 L13@c9354–9634).
 */

export type ConfidentialState = 'received' | 'registered' | 'proposal-written' | 'with-leader' | 'with-unit' | 'recovered' | 'returned' | 'archived' | 'destroyed';
export type ConfidentialAction =
  | 'receive'
  | 'register'
  | 'write-proposal'
  | 'carry-to-leader'
  | 'instruct'
  | 'carry-to-unit'
  | 'report-progress'
  | 'recover'
  | 'return-to-sender'
  | 'archive'
  | 'destroy';

export interface ConfidentialTransition {
  from: ConfidentialState | null;
  action: ConfidentialAction;
  roles: readonly Role[];
  to: ConfidentialState;
  source: string;
}

const CARRIER: readonly Role[] = ['confidential-clerk'];

export const CONFIDENTIAL_TRANSITIONS: readonly ConfidentialTransition[] = [
  { from: null, action: 'receive', roles: CARRIER, to: 'received', source: 'seed 004 L30; seed 000 L1028 (逐件清点)' },
  { from: 'received', action: 'register', roles: CARRIER, to: 'registered', source: 'seed 004 L30 (机要文件呈办单); seed 001 L1514' },
  // the proposed handling before anything moves; the role is checked again against the setting
  { from: 'registered', action: 'write-proposal', roles: ['director', 'deputy-director'], to: 'proposal-written', source: 'seed 004 L30' },
  // only the full-time confidential clerk carries it (专职机要员)
  { from: 'proposal-written', action: 'carry-to-leader', roles: CARRIER, to: 'with-leader', source: 'seed 004 L32' },
  { from: 'proposal-written', action: 'carry-to-unit', roles: CARRIER, to: 'with-unit', source: 'seed 004 L32' },
  { from: 'with-leader', action: 'carry-to-leader', roles: CARRIER, to: 'with-leader', source: 'seed 000 L1038 (按领导排名顺序由高到低呈送)' },
  { from: 'with-leader', action: 'instruct', roles: ['district-leader'], to: 'with-leader', source: 'seed 004 L32–34' },
  { from: 'with-leader', action: 'carry-to-unit', roles: CARRIER, to: 'with-unit', source: 'seed 004 L34 (公文与领导批示及时转送承办单位)' },
  { from: 'with-unit', action: 'report-progress', roles: ['unit-liaison', 'confidential-clerk'], to: 'with-unit', source: 'seed 004 L36' },
  { from: 'with-leader', action: 'recover', roles: CARRIER, to: 'recovered', source: 'seed 004 L38; seed 000 L1032 (仅需阅知)' },
  { from: 'with-unit', action: 'recover', roles: CARRIER, to: 'recovered', source: 'seed 004 L38 (办理完毕后回收)' },
  { from: 'recovered', action: 'return-to-sender', roles: CARRIER, to: 'returned', source: 'seed 004 L40 (按规定时间完整退回)' },
  { from: 'recovered', action: 'archive', roles: [...CARRIER, 'archivist'], to: 'archived', source: 'seed 004 L38 (分类组卷归档)' },
  // cipher telegrams not to be archived are destroyed under supervision (assertCipherDestruction checks the rest)
  { from: 'recovered', action: 'destroy', roles: [...CARRIER, 'secrecy-officer'], to: 'destroyed', source: 'seed 000 L1090 (不需归档的密码电报…监销)' },
];

export function nextConfidentialState(from: ConfidentialState | null, action: ConfidentialAction, actor: Actor): ConfidentialState {
  return applyTransition(CONFIDENTIAL_TRANSITIONS, from, action, actor, { what: 'a confidential document', absent: 'not yet received' });
}

export interface ConfidentialDocument {
  classification: Classification;
  needToKnow: string[];
  /** The director's 拟办意见 (seed 004 L30). */
  proposal: { text: string; byId: string; byRoles: Role[]; at: Date } | null;
  /** 清退: the sender wants it back (seed 004 L40; seed 001 L1364). */
  mustReturn: boolean;
  returnDue: IsoDate | null;
  returnedAt: Date | null;
  /** 绝密: the designated handler (专人, seed 000 L1040; seed 003 L13@c9354). */
  designatedHandlerId: string | null;
}

/** Registration fields of a higher-level document (seed 000 L1028): 来文单位、收文时间、标题、密级、缓急时限、件数. */
export function assertConfidentialRegistration(f: {
  senderUnit: string;
  receivedAt: Date | null;
  title: string;
  classification: Classification | null;
  urgency: 'normal' | 'urgent' | 'very-urgent' | null;
  deadline: IsoDate | null;
  items: number;
}): void {
  if (!f.senderUnit.trim()) throw GovError.badInput('来文单位 is required', { field: 'senderUnit' });
  if (!f.receivedAt) throw GovError.badInput('收文时间 is required', { field: 'receivedAt' });
  if (!f.title.trim()) throw GovError.badInput('标题 is required', { field: 'title' });
  if (!f.classification || !(CLEARANCES as readonly string[]).includes(f.classification)) {
    throw GovError.badInput('密级 is required', { field: 'classification' });
  }
  if (!f.urgency) throw GovError.badInput('缓急 is required', { field: 'urgency' });
  if (f.urgency !== 'normal' && !f.deadline) throw GovError.badInput('an urgent document records its time limit (缓急时限)', { field: 'deadline' });
  if (!Number.isInteger(f.items) || f.items < 1) throw GovError.badInput('件数 is a whole number of at least 1', { field: 'items' });
}

/**
 * The proposed handling is written by the post the setting names (default the office director, seed 004 L30),
 * and it is a text. FORBIDDEN for another post, BAD_USER_INPUT for an empty text.
 */
export function assertMayWriteProposal(actor: Actor, text: string, settings: ConfidentialSettings): void {
  if (!actor.roles.includes(settings.proposalBy)) {
    throw GovError.forbidden(`the proposed handling of a confidential document is written by the ${settings.proposalBy}`);
  }
  if (!text.trim()) throw GovError.badInput('the proposed handling needs its text', { field: 'proposal' });
}

/**
 * Nothing moves before the proposal (seed 004 L30–32): a carry is refused (CONFLICT) while the document has no
 * proposal by the post the setting names.
 */
export function assertProposalWritten(doc: ConfidentialDocument, settings: ConfidentialSettings): void {
  if (!doc.proposal || !doc.proposal.text.trim() || !doc.proposal.byRoles.includes(settings.proposalBy)) {
    throw GovError.conflict('the office director writes the proposed handling before the document moves (送主任签署拟办意见)');
  }
}

/**
 * Only the full-time confidential clerk carries a 机要 document (seed 004 L32: 专职机要员), with a clearance that
 * covers it; a 绝密 document only by its designated handler (seed 000 L1040; seed 003 L13@c9354). FORBIDDEN.
 */
export function assertMayCarry(actor: Actor, doc: ConfidentialDocument): void {
  if (!actor.roles.includes('confidential-clerk')) throw GovError.forbidden('only the confidential clerk (机要员) carries confidential documents');
  if (!clearanceAtLeast(actor.clearance, doc.classification)) throw GovError.forbidden('your clearance does not cover this document');
  if (doc.classification === 'top-secret' && doc.designatedHandlerId !== actor.id) {
    throw GovError.forbidden('a 绝密 document is carried by its designated handler only (专人、专夹)');
  }
}

/**
 * Reading classified content: clearance at least the level and on the need-to-know list (libs/auth canRead).
 * One generic FORBIDDEN that says nothing about the document. A read that is allowed returns the audit entry
 * the use case must write (every read of classified content is audited, issue 3 item 4).
 */
export function assertMayReadConfidential(actor: Actor, doc: { id: string; classification: Classification; needToKnow: string[] }, at: Date) {
  if (!canRead(actor, { classification: doc.classification, needToKnow: doc.needToKnow }).allowed) {
    throw GovError.forbidden('you may not read this document');
  }
  return doc.classification === 'none' ? null : { action: 'confidential.read' as const, actorId: actor.id, entityId: doc.id, at };
}

// ——— recovery and return ———

/**
 * A document to be returned has its due date at registration: the sender's, or the default period when one is
 * set (there is none in the seeds: seed 004 L40 "按规定时间"). BAD_USER_INPUT when neither exists.
 */
export function returnDueAtRegistration(
  doc: { mustReturn: boolean; returnDue: IsoDate | null },
  registeredOn: IsoDate,
  settings: ConfidentialSettings,
  calendar?: WorkingCalendar,
): IsoDate | null {
  if (!doc.mustReturn) return null;
  if (doc.returnDue) {
    assertIsoDate(doc.returnDue, 'returnDue');
    if (doc.returnDue < registeredOn) throw GovError.badInput('the return date lies before registration', { field: 'returnDue' });
    return doc.returnDue;
  }
  const period = settings.defaultReturnPeriod;
  if (!period) throw GovError.badInput('a document to be returned is registered with its return date (清退时限)', { field: 'returnDue' });
  if (period.unit === 'calendar') return addCalendarDays(registeredOn, period.amount);
  if (!calendar) throw GovError.badInput('a working-day return period needs the working calendar', { field: 'returnDue' });
  return dueDate(calendar, registeredOn, period);
}

export type ReturnStatus = 'not-required' | 'returned' | 'returned-late' | 'open' | 'due-today' | 'overdue';

/** Where a document stands against its return date (seed 004 L40); the due day itself is on time. */
export function returnStatus(doc: Pick<ConfidentialDocument, 'mustReturn' | 'returnDue' | 'returnedAt'>, today: IsoDate): ReturnStatus {
  if (!doc.mustReturn) return 'not-required';
  if (doc.returnedAt) return doc.returnDue && toIsoDate(doc.returnedAt) > doc.returnDue ? 'returned-late' : 'returned';
  if (!doc.returnDue) return 'overdue'; // a document to be returned without a date is flagged, never silently open
  assertIsoDate(today, 'today');
  if (today > doc.returnDue) return 'overdue';
  return today === doc.returnDue ? 'due-today' : 'open';
}

/** The overdue ones among documents (the list the confidential clerk chases). */
export function overdueReturns<T extends Pick<ConfidentialDocument, 'mustReturn' | 'returnDue' | 'returnedAt'>>(docs: readonly T[], today: IsoDate): T[] {
  return docs.filter((d) => returnStatus(d, today) === 'overdue');
}

/**
 * Returned complete (完整退回, seed 004 L40; the count of seed 000 L1028): every item and page that came in goes
 * back. CONFLICT with what is short.
 */
export function assertCompleteReturn(received: { items: number; pages: number }, returning: { items: number; pages: number }): void {
  if (returning.items < received.items || returning.pages < received.pages) {
    throw GovError.conflict('a confidential document goes back complete', {
      missingItems: Math.max(0, received.items - returning.items),
      missingPages: Math.max(0, received.pages - returning.pages),
    });
  }
}

/**
 * A document to be returned is returned, not filed (seed 004 L38 vs L40, seed004 gap 1: the stricter reading
 * keeps the sender's copy out of the office archive; the office files its processing records). CONFLICT.
 */
export function assertMayArchiveConfidential(doc: Pick<ConfidentialDocument, 'mustReturn'>): void {
  if (doc.mustReturn) throw GovError.conflict('this document is to be returned to its sender, not filed');
}

// ——— 绝密 handling ———

/**
 * The bureau head checks a 绝密 document's progress at least twice a day (seed 000 L1040). True (alert) when
 * fewer checks than the setting were logged on that Beijing day (SCENARIOS seed000-b #10).
 */
export function topSecretCheckAlert(doc: { classification: Classification }, checks: readonly Date[], day: IsoDate, settings: ConfidentialSettings): boolean {
  if (doc.classification !== 'top-secret') return false;
  return checks.filter((c) => toIsoDate(c) === day).length < settings.topSecretChecksPerDay;
}

/** Leaders read higher-level documents in rank order, most senior first; those away read on return (seed 000 L1038). */
export function leaderReadingOrder<T extends RankedLeader>(leaders: readonly T[], awayIds: readonly string[]): T[] {
  const ordered = orderByRank(leaders, 'descending');
  return [...ordered.filter((l) => !awayIds.includes(l.id)), ...ordered.filter((l) => awayIds.includes(l.id))];
}

// ——— copying ———

export interface CopyRequest {
  classification: Classification;
  isCipherTelegram: boolean;
  approval: { byRoles: Role[]; at: Date } | null;
}

/**
 * Copying classified documents (seed 002 L104; seed 003 L13@c9517–9616; seed 001 L1444):
 * - 绝密 and cipher telegrams: never (setting `topSecretCopy`: or with the director's approval for 绝密);
 * - 机密/秘密: with the approval of the setting's approver (default the director);
 * - unclassified: no approval.
 * FORBIDDEN when refused; the copy is registered and managed as an original and carries the copying organ's mark.
 */
export function assertMayCopy(req: CopyRequest, settings: ConfidentialSettings): { registerAsOriginal: boolean; copyMarkRequired: boolean } {
  if (req.classification === 'none' && !req.isCipherTelegram) return { registerAsOriginal: false, copyMarkRequired: false };
  if (req.isCipherTelegram) throw GovError.forbidden('cipher telegrams are never copied (密码电报严禁复印)');
  if (req.classification === 'top-secret') {
    if (settings.topSecretCopy === 'never') throw GovError.forbidden('绝密 documents are never copied (绝密级文件资料严禁复印)');
    if (!req.approval?.byRoles.includes('director')) throw GovError.forbidden('copying a 绝密 document needs the office director’s approval');
  } else if (!req.approval?.byRoles.includes(settings.classifiedCopyApprover)) {
    throw GovError.forbidden(`copying a classified document needs the approval of the ${settings.classifiedCopyApprover}`);
  }
  return { registerAsOriginal: true, copyMarkRequired: true };
}

/** A compilation takes the highest classification of what it contains (seed 003 L13@c9634). */
export function compilationClassification(levels: readonly Classification[]): Classification {
  return levels.reduce<Classification>((hi, l) => (CLEARANCES.indexOf(l) > CLEARANCES.indexOf(hi) ? l : hi), 'none');
}

// ——— borrowing classified documents (seed 003 L13@c9932–10000, form L13@c10528) ———

/** 涉密文件借阅单 (seed 003 L13@c10528): the fields of the loan form. */
export interface ClassifiedLoan {
  borrowingUnit: string;
  title: string;
  docNumber: string;
  classification: Classification;
  /** 编号: the copy's 份号. */
  copyNumber: string;
  pages: number;
  quantity: number;
  /** 借阅时间(起止时间). */
  from: IsoDate;
  until: IsoDate;
  borrowerId: string;
  purpose: string;
  /** 借阅单位负责人签字: the borrowing unit's principal head. */
  unitHeadSignature: { name: string; at: Date } | null;
  returnedAt: Date | null;
}

/**
 * A loan is lent only with the form complete and signed by the borrowing unit's principal head (seed 003
 * L13@c9949: 由借阅单位主要负责人…签字后方可借阅; SCENARIOS seed003 #13). BAD_USER_INPUT for a missing field or an
 * end before the start; FORBIDDEN without the head's signature.
 */
export function assertMayLend(loan: ClassifiedLoan): void {
  for (const f of ['borrowingUnit', 'title', 'docNumber', 'copyNumber', 'borrowerId', 'purpose'] as const) {
    if (!loan[f].trim()) throw GovError.badInput(`the loan form needs ${f}`, { field: f });
  }
  if (!Number.isInteger(loan.pages) || loan.pages < 1) throw GovError.badInput('the loan form needs the page count', { field: 'pages' });
  if (!Number.isInteger(loan.quantity) || loan.quantity < 1) throw GovError.badInput('the loan form needs the quantity', { field: 'quantity' });
  assertIsoDate(loan.from, 'from');
  assertIsoDate(loan.until, 'until');
  if (loan.until < loan.from) throw GovError.badInput('the loan ends before it starts', { field: 'until' });
  if (!loan.unitHeadSignature?.name.trim()) throw GovError.forbidden('a classified document is lent only when the borrowing unit’s head has signed');
}

/** Returned on time by the end of the loan (seed 003 L13@c9980: 严格按照借阅时限按时归还); the last day is on time. */
export function loanStatus(loan: Pick<ClassifiedLoan, 'until' | 'returnedAt'>, today: IsoDate): 'on-loan' | 'overdue' | 'returned' | 'returned-late' {
  if (loan.returnedAt) return toIsoDate(loan.returnedAt) > loan.until ? 'returned-late' : 'returned';
  return today > loan.until ? 'overdue' : 'on-loan';
}

// ——— annual hand-over to the archives (seed 000 L1154) ———

/** The date by which the documents received in `year` go to the archives bureau (default 31 March of the next year). */
export function archiveHandOverDue(year: number, settings: ConfidentialSettings): IsoDate {
  const { month, day, yearsAfter } = settings.archiveHandOverBy;
  const date = `${year + yearsAfter}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  assertIsoDate(date, 'archiveHandOverBy');
  return date;
}

/** Overdue once `today` is after that date with the year's documents not handed over (SCENARIOS seed000-b #28). */
export function archiveHandOverOverdue(year: number, handedOverOn: IsoDate | null, today: IsoDate, settings: ConfidentialSettings): boolean {
  const due = archiveHandOverDue(year, settings);
  return handedOverOn ? handedOverOn > due : today > due;
}
