import { applyTransition } from '@gov/auth';
import type { Actor, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { assertIsoDate, dueDate, type IsoDate, type WorkingCalendar } from '@gov/calendar';
import { periodEnd } from './periods.js';
import { assertAssignment, type UnitAssignment } from './supervision-item.rules.js';
import type { SupervisionSettings } from './supervision.settings.js';

/**
 * NPC deputies' suggestions and CPPCC members' proposals (人大代表建议、政协委员提案) handled by 督查室.
 * Sources: seed000-a W17 (seed 000 L374–378), seed001 D5 (seed 001 L818–836), seed004 W10b (seed 004
 * L228–237), seed 001 L680 and seed 003 L13@c15663 (supervised by 督查室).
 */

export type NpcState =
  | 'received' // 接收 from the 人大/政协
  | 'assigned' // 交办: responsibility assigned (落实办理工作责任)
  | 'sent-back' // 退回: the unit says it is not its matter, awaiting a new assignment
  | 'explained' // 已向建议人、提案人说明情况: complex, the formal reply may take up to the latest limit
  | 'replied' // 已答复, graded A/B/C/D
  | 'reopened' // 不满意，重新办理
  | 'closed';

export type NpcAction = 'receive' | 'assign' | 'send-back' | 'explain' | 'reply' | 'record-unsatisfied' | 'close';

const SUPERVISOR: readonly Role[] = ['supervisor'];
const UNIT: readonly Role[] = ['unit-liaison'];

/**
 * (state, action, roles) → next state.
 * - assign: "在20个工作日内落实办理工作责任…联合召开会议交办" (seed 000 L378; seed 004 L228).
 * - send-back: "认为不属本单位办理的，应在10天内提出书面转办意见，加盖公章后…退回" (seed 001 L820).
 * - explain: "确因问题复杂在3个月内不能办毕的，应先向建议人、提案人简要说明情况" (seed 000 L378).
 * - reply: with the grade marked A/B/C/D (seed 001 L834).
 * - record-unsatisfied: "对代表、委员反馈为不满意的，应立即责成有关部门重新办理" (seed 000 L378; seed 004 L230).
 */
export const NPC_TRANSITIONS: ReadonlyArray<{ from: NpcState | null; action: NpcAction; roles: readonly Role[]; to: NpcState }> = [
  { from: null, action: 'receive', roles: SUPERVISOR, to: 'received' },
  { from: 'received', action: 'assign', roles: SUPERVISOR, to: 'assigned' },
  { from: 'sent-back', action: 'assign', roles: SUPERVISOR, to: 'assigned' },
  { from: 'assigned', action: 'send-back', roles: UNIT, to: 'sent-back' },
  { from: 'assigned', action: 'explain', roles: UNIT, to: 'explained' },
  { from: 'assigned', action: 'reply', roles: UNIT, to: 'replied' },
  { from: 'explained', action: 'reply', roles: UNIT, to: 'replied' },
  { from: 'reopened', action: 'reply', roles: UNIT, to: 'replied' },
  { from: 'replied', action: 'record-unsatisfied', roles: SUPERVISOR, to: 'reopened' },
  { from: 'replied', action: 'close', roles: SUPERVISOR, to: 'closed' },
];

export function nextNpcState(from: NpcState | null, action: NpcAction, actor: Actor): NpcState {
  return applyTransition(NPC_TRANSITIONS, from, action, actor, { what: 'a suggestion or proposal', absent: 'not yet received' });
}

/**
 * Reply grades marked in the reply's upper-right corner (seed 001 L834). The seed gives the letters only; the
 * meanings are the usual national convention for 建议提案办理 (to be confirmed with the office).
 */
export const REPLY_GRADES = {
  A: '所提问题已经解决或基本解决',
  B: '所提问题正在解决或已列入计划逐步解决',
  C: '所提问题因条件限制需以后解决',
  D: '所提问题因政策或其他条件限制不能解决，留作参考',
} as const;
export type ReplyGrade = keyof typeof REPLY_GRADES;

export function assertReplyGrade(grade: unknown): asserts grade is ReplyGrade {
  if (typeof grade !== 'string' || !Object.hasOwn(REPLY_GRADES, grade)) {
    throw GovError.badInput(`a reply is graded A, B, C or D, got ${JSON.stringify(grade)}`, { field: 'grade' });
  }
}

/** The proposer's response on the 《征求意见表》; "不满意" reopens the item (seed 000 L378). */
export type ProposerResponse = 'satisfied' | 'basically-satisfied' | 'unsatisfied';

export function actionForResponse(response: ProposerResponse): NpcAction {
  return response === 'unsatisfied' ? 'record-unsatisfied' : 'close';
}

/** How units share the work: 独立承办, 分办, 主办+会办 (seed 001 L826–830). */
export type NpcHandlingMode = 'sole' | 'split' | 'lead-and-co';

/**
 * sole: one unit, the lead. lead-and-co: one lead, at least one co-unit (assertAssignment). split: each unit
 * replies on its own (no co-units), allowed only when settings.npcCppcc.allowSplitHandling (seed 001 L828 allows
 * it; seed 000 L378 wants a lead for two or more units, the stricter default).
 */
export function assertNpcAssignment(mode: NpcHandlingMode, units: readonly UnitAssignment[], settings: SupervisionSettings): void {
  if (mode === 'split') {
    if (!settings.npcCppcc.allowSplitHandling) {
      throw GovError.badInput('split handling (分办) is not allowed: name a lead unit (主办) and co-units (会办)', { field: 'mode' });
    }
    if (units.length < 2 || units.some((u) => u.role !== 'lead')) {
      throw GovError.badInput('split handling needs two or more units, each answering for its part', { field: 'units' });
    }
    return;
  }
  if (mode === 'sole' && units.length !== 1) {
    throw GovError.badInput(`sole handling (独立承办) is one unit, got ${units.length}`, { field: 'units' });
  }
  if (mode === 'lead-and-co' && units.length < 2) {
    throw GovError.badInput('lead-and-co handling (主办、会办) needs at least one co-unit', { field: 'units' });
  }
  assertAssignment(units);
}

/**
 * Who gets the reply: every signatory of a joint item; the feedback form (《征求意见表》) goes to the lead
 * signatory (领衔人) only (seed 001 L834–836).
 */
export function replyRecipients(proposers: readonly { name: string; leads: boolean }[]): { replyTo: string[]; feedbackFormTo: string } {
  if (proposers.length === 0) throw GovError.badInput('a suggestion or proposal has at least one proposer', { field: 'proposers' });
  const leads = proposers.length === 1 ? proposers : proposers.filter((p) => p.leads);
  if (leads.length !== 1) {
    throw GovError.badInput(`a joint suggestion or proposal has one lead signatory (领衔人), got ${leads.length}`, { field: 'proposers' });
  }
  return { replyTo: proposers.map((p) => p.name), feedbackFormTo: leads[0]!.name };
}

// ---------------------------------------------------------------------------------------------------------
// Clocks

/** The day responsibility must be assigned by: 20 working days after receipt (seed 000 L378). */
export function assignResponsibilityBy(calendar: WorkingCalendar, receivedOn: IsoDate, settings: SupervisionSettings): IsoDate {
  return dueDate(calendar, receivedOn, settings.npcCppcc.assignResponsibility);
}

export interface NpcClocks {
  /** 过半时(45日后): 督查室 checks with the heavy-load units (seed 000 L378) */
  readonly midpointCheck: IsoDate;
  /** the last day a unit may send the item back (seed 001 L820) */
  readonly sendBackBy: IsoDate;
  /** co-units' opinion to the lead unit (seed 001 L830) */
  readonly coUnitOpinionBy: IsoDate;
  /** the reply (seed 000 L378; seed 001 L832) */
  readonly replyBy: IsoDate;
  /** the formal reply at the latest (seed 000 L378; seed 001 L832) */
  readonly replyLatestBy: IsoDate;
}

const CLOCK_PERIOD = {
  midpointCheck: 'midpointCheck',
  sendBackBy: 'sendBack',
  coUnitOpinionBy: 'coUnitOpinion',
  replyBy: 'reply',
  replyLatestBy: 'replyLatest',
} as const;

/**
 * One date that counts from the assignment (交办之日起, seed 001 L830–832). Computed alone, so that a clock far
 * ahead (the 6-month limit in a year without holiday data, with roll-forward on) does not block the others.
 * The mid-point check is the office's own reminder and never rolls forward.
 */
export function npcClock(calendar: WorkingCalendar, assignedOn: IsoDate, which: keyof NpcClocks, settings: SupervisionSettings): IsoDate {
  const roll = which !== 'midpointCheck' && settings.rollForwardToWorkingDay;
  return periodEnd(calendar, assignedOn, settings.npcCppcc[CLOCK_PERIOD[which]], { rollForwardToWorkingDay: roll });
}

/** Every date that counts from the assignment; CALENDAR_DATA_MISSING if one needs a year without data. */
export function npcClocks(calendar: WorkingCalendar, assignedOn: IsoDate, settings: SupervisionSettings): NpcClocks {
  const at = (which: keyof NpcClocks) => npcClock(calendar, assignedOn, which, settings);
  return {
    midpointCheck: at('midpointCheck'),
    sendBackBy: at('sendBackBy'),
    coUnitOpinionBy: at('coUnitOpinionBy'),
    replyBy: at('replyBy'),
    replyLatestBy: at('replyLatestBy'),
  };
}

/**
 * The reply due date: 3 months; the latest limit (6 months) once the unit explained in time; after an
 * "unsatisfied" response, the redo period from the day it was reopened.
 */
export function npcReplyDue(
  calendar: WorkingCalendar,
  assignedOn: IsoDate,
  settings: SupervisionSettings,
  state: { explainedOn?: IsoDate | null; reopenedOn?: IsoDate | null } = {},
): IsoDate {
  if (state.reopenedOn) {
    return periodEnd(calendar, state.reopenedOn, settings.npcCppcc.redoReply, { rollForwardToWorkingDay: settings.rollForwardToWorkingDay });
  }
  return npcClock(calendar, assignedOn, state.explainedOn ? 'replyLatestBy' : 'replyBy', settings);
}

/** Whether the reply is overdue on `asOf` (the due date itself is on time). */
export function isNpcReplyOverdue(
  calendar: WorkingCalendar,
  assignedOn: IsoDate,
  asOf: IsoDate,
  settings: SupervisionSettings,
  state: { explainedOn?: IsoDate | null; reopenedOn?: IsoDate | null } = {},
): boolean {
  assertIsoDate(asOf, 'asOf');
  return asOf > npcReplyDue(calendar, assignedOn, settings, state);
}

/**
 * send-back: only within the send-back period (DEADLINE_RULE after it), with a written opinion (书面转办意见)
 * bearing the unit seal (加盖公章) (BAD_USER_INPUT without), seed 001 L820.
 */
export function assertMaySendBack(
  calendar: WorkingCalendar,
  assignedOn: IsoDate,
  on: IsoDate,
  opinion: { text: string; sealed: boolean },
  settings: SupervisionSettings,
): void {
  assertIsoDate(on, 'on');
  const by = npcClock(calendar, assignedOn, 'sendBackBy', settings);
  if (on > by) {
    throw new GovError('DEADLINE_RULE', `a unit sends an item back by ${by} (within the send-back period of its assignment)`, { on, latest: by });
  }
  if (!opinion.text.trim()) throw GovError.badInput('sending back needs a written opinion (书面转办意见)', { field: 'opinion' });
  if (!opinion.sealed) throw GovError.badInput('the written opinion bears the unit seal (加盖公章)', { field: 'sealed' });
}

/** explain: the proposer is told before the reply limit passes, else DEADLINE_RULE (seed 000 L378). */
export function assertMayExplain(calendar: WorkingCalendar, assignedOn: IsoDate, on: IsoDate, settings: SupervisionSettings): void {
  assertIsoDate(on, 'on');
  const by = npcClock(calendar, assignedOn, 'replyBy', settings);
  if (on > by) {
    throw new GovError('DEADLINE_RULE', `the proposer had to be told by ${by}; the reply is already overdue`, { on, latest: by });
  }
}
