import type { Actor, Role } from '@gov/auth';
import { GovError } from '@gov/contracts';
import type { IncomingReviewSettings } from './incoming-review.settings.js';
import { resolveInstructions, type ConflictOutcome, type LeaderInstruction } from './initial-review.rules.js';
import { assertReturnGrounds, type GivenGround, type ReturnGroundDefinition } from './return-grounds.js';

/**
 * Special items (特殊件): requests and reports sent to a district leader personally, which already carry that
 * leader's instruction and are forwarded by the leader's secretary or 秘书科. Seed 000 L246–256, repeated at
 * L270; tracking → 督查室 L280. Pure functions.
 */

export type SpecialItemState = 'received' | 'returned' | 'registered' | 'proposed' | 'reviewed' | 'transferred' | 'completed' | 'archived';
export type SpecialItemAction =
  | 'sign-for'
  | 'return'
  | 'register'
  | 'propose-handling'
  | 'approve-proposal'
  | 'send-back'
  | 'transfer'
  | 'complete'
  | 'archive';

export const SPECIAL_ITEM_TRANSITIONS: ReadonlyArray<{
  from: SpecialItemState | null;
  action: SpecialItemAction;
  roles: readonly Role[];
  to: SpecialItemState;
  source: string;
}> = [
  { from: null, action: 'sign-for', roles: ['clerk'], to: 'received', source: 'seed 000 L248 (签收、初核、分类)' },
  { from: 'received', action: 'return', roles: ['clerk'], to: 'returned', source: 'seed 000 L250 (退回交办人)' },
  { from: 'received', action: 'register', roles: ['clerk'], to: 'registered', source: 'seed 000 L250 (审查合格方可签收), L252' },
  { from: 'registered', action: 'propose-handling', roles: ['clerk'], to: 'proposed', source: 'seed 000 L254(4)' },
  { from: 'proposed', action: 'approve-proposal', roles: ['deputy-director'], to: 'reviewed', source: 'seed 000 L254(4) (分管副主任核报)' },
  { from: 'proposed', action: 'send-back', roles: ['deputy-director'], to: 'registered', source: 'seed 000 L254(4)' },
  { from: 'reviewed', action: 'transfer', roles: ['clerk'], to: 'transferred', source: 'seed 000 L254(5)' },
  { from: 'transferred', action: 'complete', roles: ['clerk'], to: 'completed', source: 'seed 000 L254(5)' },
  { from: 'completed', action: 'archive', roles: ['clerk', 'archivist'], to: 'archived', source: 'seed 000 L256' },
];

export function nextSpecialItemState(from: SpecialItemState | null, action: SpecialItemAction, actor: Actor): SpecialItemState {
  const row = SPECIAL_ITEM_TRANSITIONS.find((t) => t.from === from && t.action === action);
  if (!row) throw GovError.conflict(`cannot ${action} a special item that is ${from ?? 'not yet received'}`, { from, action });
  if (!actor.roles.some((r) => row.roles.includes(r))) {
    throw GovError.forbidden(`${action} needs one of the roles ${row.roles.join(', ')}`, { requiredRoles: [...row.roles] });
  }
  return row.to;
}

/** The four return grounds of a special item (seed 000 L250 = L270). */
export const SPECIAL_ITEM_RETURN_GROUNDS = [
  { key: 'no-contact', mark: '①', labelZh: '无联系人和联系电话', source: 'seed 000 L250 ①', needsText: false },
  { key: 'illegible-or-altered', mark: '②', labelZh: '字迹不清晰,文字有涂改', source: 'seed 000 L250 ②', needsText: false },
  { key: 'sent-to-non-district-unit', mark: '③', labelZh: '批转非区直单位、企业阅处', source: 'seed 000 L250 ③', needsText: false },
  {
    key: 'conflicting-instructions',
    mark: '④',
    labelZh: '有多位领导批示,但领导批示意见不一致',
    source: 'seed 000 L250 ④',
    needsText: false,
  },
] as const satisfies readonly ReturnGroundDefinition[];

export type SpecialItemReturnGround = (typeof SPECIAL_ITEM_RETURN_GROUNDS)[number]['key'];

export interface SpecialItem {
  /** 交办人: the leader's secretary or 秘书科 staff who handed the item over. */
  handoverPersonId: string;
  contactPerson: string | null;
  contactPhone: string | null;
  instructions: LeaderInstruction[];
  /** Units the instruction sends the item to, and whether each is a district-level (区直) unit. */
  instructedUnits: Array<{ name: string; districtLevel: boolean }>;
}

/** A special item arrives with at least one leader instruction (seed 000 L248: 区领导有批示意见) and its 交办人. */
export function assertSpecialItemIntake(item: SpecialItem): void {
  if (!item.handoverPersonId.trim()) throw GovError.badInput('a special item names the person who handed it over (交办人)', { field: 'handoverPersonId' });
  if (item.instructions.length === 0) {
    throw GovError.badInput('a special item carries the leader instruction it was sent with', { field: 'instructions' });
  }
}

/**
 * The grounds the record itself shows: ① when the contact person or phone is missing, ③ when the instruction
 * sends it to a unit that is not district-level, ④ when the instructions conflict and the policy for special
 * items is to return them (settings.conflictingInstructions.specialItem, default return: seed 000 L250 ④).
 * Ground ② (legibility) is the clerk's judgement.
 */
export function detectSpecialItemGrounds(item: SpecialItem, settings: IncomingReviewSettings): SpecialItemReturnGround[] {
  const out: SpecialItemReturnGround[] = [];
  if (!item.contactPerson?.trim() || !item.contactPhone?.trim()) out.push('no-contact');
  if (item.instructedUnits.some((u) => !u.districtLevel)) out.push('sent-to-non-district-unit');
  if (specialItemConflict(item, settings).outcome === 'return-to-handover-person') out.push('conflicting-instructions');
  return out;
}

/** Conflicting instructions on a special item, under the special-item policy. */
export function specialItemConflict(item: SpecialItem, settings: IncomingReviewSettings): ConflictOutcome {
  return resolveInstructions(item.instructions, settings.conflictingInstructions.specialItem);
}

/** A return of a special item: at least one of the four grounds (seed 000 L250). */
export function assertSpecialItemReturn(grounds: readonly GivenGround<string>[]): asserts grounds is readonly GivenGround<SpecialItemReturnGround>[] {
  assertReturnGrounds(grounds, SPECIAL_ITEM_RETURN_GROUNDS);
}

/**
 * Registration (seed 000 L250 "审查合格方可签收", L252) is refused (CONFLICT) while the record shows a ground.
 */
export function assertMayRegisterSpecialItem(item: SpecialItem, settings: IncomingReviewSettings): void {
  const grounds = detectSpecialItemGrounds(item, settings);
  if (grounds.length > 0) throw GovError.conflict('this special item must be returned to the person who handed it over', { grounds });
}

/** Registration fields: 来文单位, 来文(转来)日期, 来文标题, 办文编号 (seed 000 L252). */
export function assertSpecialItemRegistration(fields: { senderUnit: string; receivedOrForwardedAt: Date | null; title: string; registerNumber: string }): void {
  for (const f of ['senderUnit', 'title', 'registerNumber'] as const) {
    if (!fields[f].trim()) throw GovError.badInput(`${f} is required to register a special item`, { field: f });
  }
  if (!fields.receivedOrForwardedAt) throw GovError.badInput('receivedOrForwardedAt is required to register a special item', { field: 'receivedOrForwardedAt' });
}

/** Before transfer the instruction is photocopied and kept (seed 000 L254(5): 转办前要将批示件复印留存). */
export function assertInstructionCopyKept(item: { instructionCopyKeptAt: Date | null }): void {
  if (!item.instructionCopyKeptAt) throw GovError.conflict('keep a copy of the instruction before the item is transferred (批示件复印留存)');
}

// ——— who may read or copy the instruction ———

/** 办领导: the office director and deputy directors. */
const OFFICE_LEADERS: readonly Role[] = ['director', 'deputy-director'];

/**
 * "除办领导及交办人,办文科对领导批示内容不受理查询和复印事项" (seed 000 L254(6)): only office leaders and the person
 * who handed the item over may query or copy the leader's instruction on a special item.
 */
export function mayAccessSpecialItemInstruction(actor: Actor, item: { handoverPersonId: string }): boolean {
  return actor.roles.some((r) => OFFICE_LEADERS.includes(r)) || actor.id === item.handoverPersonId;
}

/** FORBIDDEN with one generic message that says nothing about the instruction. */
export function assertMayAccessSpecialItemInstruction(actor: Actor, item: { handoverPersonId: string }): void {
  if (!mayAccessSpecialItemInstruction(actor, item)) throw GovError.forbidden('you may not read or copy this instruction');
}

/**
 * Items from non-organ sources (非机关部门的来文(稿)): after the leader's instruction, neither the item nor the
 * instruction is copied or forwarded back to the originating unit or person; the originator gets only the
 * feedback form (seed 002 L388). Undertaking units may get a photocopy marked not to be passed on.
 */
export function assertInstructionCopyRecipient(copy: { sourceIsOrgan: boolean; recipientIsOriginator: boolean; markedNotToForward: boolean }): void {
  if (!copy.sourceIsOrgan && copy.recipientIsOriginator) {
    throw GovError.forbidden('the instruction is never copied back to a non-organ originator; send the feedback form (反馈单)');
  }
  if (!copy.sourceIsOrgan && !copy.markedNotToForward) {
    throw GovError.badInput('a copy for an undertaking unit must be marked not to be copied on to the originator', { field: 'markedNotToForward' });
  }
}

