import { applyTransition } from '@gov/auth';
import type { Actor, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import { z } from 'zod';

/**
 * Rules of a supervision item (督查事项): its state machine, its sources, one matter per item, and the
 * assignment to a lead unit (主办) and co-units (协办). Pure functions; the use cases call them.
 * Sources: seed000-a W14–W15 (seed 000 L310–358), seed000-b W47 (seed 000 L1306–1332), seed001 C (seed 001
 * L690–694), seed003 W13–W14 (seed 003 L13@c16529–17512), seed004 W9 (seed 004 L203–211).
 */

export type ItemState =
  | 'proposed' // 拟立项: registered with the 立项意见 (unit, class, deadline proposed)
  | 'declined' // 不予立项
  | 'admitted' // 已立项
  | 'assigned' // 已交办: the 督查通知 (or the source itself) reached the units; the clock runs
  | 'in-progress' // 办理中: the lead unit confirmed receipt
  | 'report-submitted' // 已报办结报告
  | 'verified' // 审核通过 (复核)
  | 'fed-back' // 已反馈: 《督查反馈》 to the leader
  | 'closed' // 办结 / 销号
  | 'archived'; // 立卷归档

export type ItemAction =
  | 'propose'
  | 'admit'
  | 'decline'
  | 'assign'
  | 'acknowledge'
  | 'report-progress'
  | 'remind'
  | 'explain-delay'
  | 'submit-report'
  | 'return-report'
  | 'accept-report'
  | 'feed-back'
  | 'instruct-again'
  | 'close'
  | 'archive';

const SUPERVISOR: readonly Role[] = ['supervisor'];
const UNIT: readonly Role[] = ['unit-liaison'];
const RUNNING: readonly ItemState[] = ['assigned', 'in-progress'];

/**
 * The state machine as a table of (state, action, roles) → next state.
 * - propose: 督查室 registers the item with its 立项意见 (seed 000 L332; seed 003 L13@c17063; seed 004 L203).
 * - admit / decline: "经区政府办公室主任审核同意，列入督查事项" (seed 004 L203); issue 5 §1.
 * - assign: 《督查通知》 or 《领导批示转办单》 to the units (seed 000 L336; seed 003 L13@c17187).
 * - acknowledge: "要及时询问承办单位是否收到" (seed 003 L13@c17228).
 * - report-progress, explain-delay: "确有困难的要及时报告进展情况" (seed 000 L338), "需说明理由" (L346, L1318).
 * - remind: 催办, logged each time (seed 000 L346, L1322; seed 004 L207).
 * - submit-report / return-report / accept-report: 报告审核, 退回重报 (seed 000 L324, L348, L1328–1332;
 *   seed 004 L209); see completion-report.rules.ts.
 * - feed-back: 《督查反馈》 approved by "常委、办主任" (seed 000 L354) / 办领导 (L326).
 * - instruct-again: 二次督查 (seed 000 L356; seed 003 L13@c17470): a new round, the clock restarts.
 * - close: 办结/销号 after a leader read the feedback (圈阅, seed 000 L328).
 * - archive: 立卷归档 (seed 000 L358; seed 004 L211).
 */
export const ITEM_TRANSITIONS: ReadonlyArray<{
  from: ItemState | null;
  action: ItemAction;
  roles: readonly Role[];
  to: ItemState;
}> = [
  { from: null, action: 'propose', roles: SUPERVISOR, to: 'proposed' },
  { from: 'proposed', action: 'admit', roles: ['director'], to: 'admitted' },
  { from: 'proposed', action: 'decline', roles: ['director'], to: 'declined' },
  { from: 'admitted', action: 'assign', roles: SUPERVISOR, to: 'assigned' },
  { from: 'assigned', action: 'acknowledge', roles: UNIT, to: 'in-progress' },
  { from: 'in-progress', action: 'acknowledge', roles: UNIT, to: 'in-progress' },
  ...RUNNING.flatMap((from) => [
    { from, action: 'report-progress' as const, roles: UNIT, to: 'in-progress' as const },
    { from, action: 'explain-delay' as const, roles: UNIT, to: from },
    { from, action: 'remind' as const, roles: SUPERVISOR, to: from },
    { from, action: 'submit-report' as const, roles: UNIT, to: 'report-submitted' as const },
  ]),
  { from: 'report-submitted', action: 'return-report', roles: SUPERVISOR, to: 'in-progress' },
  { from: 'report-submitted', action: 'accept-report', roles: SUPERVISOR, to: 'verified' },
  { from: 'verified', action: 'feed-back', roles: ['director'], to: 'fed-back' },
  { from: 'fed-back', action: 'instruct-again', roles: ['district-leader'], to: 'assigned' },
  { from: 'fed-back', action: 'close', roles: SUPERVISOR, to: 'closed' },
  { from: 'closed', action: 'archive', roles: SUPERVISOR, to: 'archived' },
];

export function nextState(from: ItemState | null, action: ItemAction, actor: Actor): ItemState {
  return applyTransition(ITEM_TRANSITIONS, from, action, actor, { what: 'a supervision item', absent: 'not yet proposed' });
}

/**
 * An item opened from an event (a leader instruction, a meeting decision, a petition) has no actor: the
 * consumer records it as proposed, and the director admits it like any other (issue 5 §1).
 */
export const STATE_ON_INTAKE: ItemState = 'proposed';

/** The round (第几轮督查) after an action: a leader's new instruction starts the next one. */
export function roundAfter(action: ItemAction, round: number): number {
  return action === 'instruct-again' ? round + 1 : round;
}

/**
 * Actions that need a written reason: declining (不予立项), returning a report (退回，提出补办、重办意见,
 * seed 000 L348), explaining a delay (说明理由, L346), and the leader's new instruction itself (L356).
 */
export const REASON_REQUIRED: ReadonlySet<ItemAction> = new Set(['decline', 'return-report', 'explain-delay', 'instruct-again']);

export function assertReason(action: ItemAction, reason: string | null | undefined): void {
  if (REASON_REQUIRED.has(action) && !reason?.trim()) {
    throw GovError.badInput(`${action} needs a reason`, { field: 'reason', action });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Sources (立项来源)

/**
 * Where an item comes from (issue 5 §1; seed 001 L672–682; seed 003 L13@c15564). `research-trip`: a matter of
 * the 《督办事项交办单》 the accompanying section issues after a leader's research trip (seed 000 L640(2);
 * SCENARIOS.md seed000-b #3).
 */
export const SOURCE_KINDS = ['leader-instruction', 'meeting-decision', 'petition', 'manual', 'research-trip'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_ZH: Readonly<Record<SourceKind, string>> = {
  'leader-instruction': '领导批示件',
  'meeting-decision': '会议决定事项',
  petition: '信访事项',
  manual: '督查室录入',
  'research-trip': '调研督办事项',
};

const id = z.string().trim().min(1).max(200);
const namedUnitAndDeadline = {
  /** the undertaking unit the source already names, if any */
  unit: z.string().trim().min(1).max(64).nullable(),
  /** the deadline the source already names, if any */
  deadline: z.iso.date().nullable(),
};

export const ItemSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('leader-instruction'), documentId: id, instructionId: id, ...namedUnitAndDeadline }),
  z.strictObject({ kind: z.literal('meeting-decision'), minutesId: id, decisionNo: z.number().int().min(1), ...namedUnitAndDeadline }),
  z.strictObject({ kind: z.literal('petition'), petitionId: id }),
  z.strictObject({ kind: z.literal('manual'), entryId: id, origin: z.string().trim().min(1).max(500) }),
  z.strictObject({ kind: z.literal('research-trip'), formId: id, matterNo: z.number().int().min(1), ...namedUnitAndDeadline }),
]);
export type ItemSource = z.infer<typeof ItemSourceSchema>;

/** Validates a source: every item is linked to its origin (issue 5 §1). BAD_USER_INPUT otherwise. */
export function parseItemSource(input: unknown): ItemSource {
  const parsed = ItemSourceSchema.safeParse(input);
  if (!parsed.success) {
    throw GovError.badInput(`invalid supervision item source: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return parsed.data;
}

/**
 * The key that makes an origin become an item at most once (the e2e of issue 5 §9: an event delivered twice
 * opens one item). A manual entry carries the id its form generated.
 */
export function originKey(source: ItemSource): string {
  switch (source.kind) {
    case 'leader-instruction':
      return `document:${source.documentId}/instruction:${source.instructionId}`;
    case 'meeting-decision':
      return `minutes:${source.minutesId}/decision:${source.decisionNo}`;
    case 'petition':
      return `petition:${source.petitionId}`;
    case 'manual':
      return `manual:${source.entryId}`;
    case 'research-trip':
      return `research-trip-form:${source.formId}/matter:${source.matterNo}`;
  }
}

/** Which deadline table applies: petition cases use the 信访 classes (seed 000 L1312), the rest 督查室's (L338). */
export function deadlineTable(source: ItemSource): 'office' | 'petition' {
  return source.kind === 'petition' ? 'petition' : 'office';
}

/**
 * Whether 督查室 sends a separate 督查通知: not when a document or meeting already names both the undertaking
 * unit and the deadline ("对文件、会议已明确承办部门和办结时限的事项，不另发书面通知", seed 004 L205).
 * Petition cases always get their 交办函 (seed 000 L1310); manual entries always get a notice. A research trip's
 * 《督办事项交办单》 is a written form naming the lead unit (seed 000 L640(2)): like a document, no separate notice
 * when it also names the due date (decision).
 */
export function needsSeparateNotice(source: ItemSource): boolean {
  if (source.kind === 'leader-instruction' || source.kind === 'meeting-decision' || source.kind === 'research-trip') {
    return !(source.unit && source.deadline);
  }
  return true;
}

/**
 * 一事一项: one matter per item (seed 000 L1306; seed 003 L13@c16625). A proposal naming several matters is
 * refused and must be split; meeting minutes become one source per decision (issue 5 §1).
 */
export function assertOneMatter(matters: readonly string[]): void {
  const real = matters.filter((m) => m.trim());
  if (real.length !== 1) {
    throw GovError.badInput(`one matter per item (一事一项): got ${real.length}, split them into ${Math.max(real.length, 1)} items`, {
      field: 'matters',
      count: real.length,
    });
  }
}

/** One source per decision of issued minutes (`gov.meetings.minutes.issued`), numbered from 1. */
export function sourcesFromMinutes(
  minutesId: string,
  decisions: readonly { unit: string | null; deadline: string | null }[],
): ItemSource[] {
  return decisions.map((d, i) => parseItemSource({ kind: 'meeting-decision', minutesId, decisionNo: i + 1, unit: d.unit, deadline: d.deadline }));
}

// ---------------------------------------------------------------------------------------------------------
// Assignment (交办: 主办 and 协办)

export interface UnitAssignment {
  readonly unit: string;
  readonly role: 'lead' | 'co';
  /** 责任人 (seed 003 L13@c16600) */
  readonly responsiblePerson: string;
}

/**
 * Exactly one lead unit (主办/牵头单位) and any number of co-units (协办/会办), each unit once, each with a
 * responsible person: "对需由多个部门办理的事项，要明确牵头单位" (seed 000 L336); "应指定主办、会办单位"
 * (seed 000 L378); "要明确主办单位" (seed 003 L13@c16743). A single unit is the lead.
 */
export function assertAssignment(units: readonly UnitAssignment[]): void {
  if (units.length === 0) throw GovError.badInput('an item is handed to at least one unit', { field: 'units' });
  const leads = units.filter((u) => u.role === 'lead').length;
  if (leads !== 1) {
    throw GovError.badInput(`an item needs exactly one lead unit (主办), got ${leads}`, { field: 'units', leads });
  }
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.unit)) throw GovError.badInput(`unit ${u.unit} is named twice`, { field: 'units', unit: u.unit });
    seen.add(u.unit);
    if (!u.responsiblePerson.trim()) {
      throw GovError.badInput(`unit ${u.unit} needs a responsible person (责任人)`, { field: 'units', unit: u.unit });
    }
  }
}

/** The unit's own actions, and those only the lead unit takes. */
const UNIT_ACTIONS: ReadonlySet<ItemAction> = new Set(['acknowledge', 'report-progress', 'explain-delay', 'submit-report']);
const LEAD_ONLY: ReadonlySet<ItemAction> = new Set(['submit-report', 'explain-delay']);

/**
 * A unit's action is taken only for a unit the item was handed to; the completion report and the explanation
 * of a delay come from the lead unit, which gathers the co-units' input (seed 001 L830 "由主办单位综合后统一
 * 答复"; a report from another unit skips a level, seed 000 L1328). The office's own actions pass.
 */
export function assertActsForUnit(actor: Actor, units: readonly UnitAssignment[], action: ItemAction): void {
  if (!UNIT_ACTIONS.has(action)) return;
  const mine = units.find((u) => u.unit === actor.unit);
  if (!mine) throw GovError.forbidden('this item was not handed to your unit');
  if (LEAD_ONLY.has(action) && mine.role !== 'lead') {
    throw GovError.forbidden(`${action} is for the lead unit (主办); co-units send their input to it`);
  }
}
