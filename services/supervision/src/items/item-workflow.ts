import type { z } from 'zod';
import { GovError, type EventContract } from '@gov/contracts';
import type { Actor } from '@gov/auth';
import { newTraceparent, parseTraceparent } from '@gov/messaging';
import { recordChange, type RequestContext } from '@gov/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { ITEM_INCLUDE, toView } from './items.mapper.js';
import type { ItemAction, ItemState, UnitAssignment } from './supervision-item.rules.js';
import type { DeadlineClass, FeedbackClass, PetitionCaseClass } from './deadlines.rules.js';

/**
 * What every step of an item's workflow shares: loading the item, its units and class, and writing one
 * transition (state by version, history, audit entry, event) in the caller's transaction.
 */

export const NO_SUCH_ITEM = () => GovError.notFound('no such supervision item');

/** A concurrent change took the item's version first: nothing of this request was written. */
export const CHANGED_MEANWHILE = () => GovError.conflict('the supervision item was changed meanwhile; reload it and try again');

type Db = InstanceType<typeof SupervisionDatabase>;
export type ItemRow = NonNullable<Awaited<ReturnType<typeof loadItem>>>;

/** The item with its units, or NOT_FOUND. */
export async function loadItem(db: Db | SupervisionTx, id: string) {
  const item = await db.supervisionItem.findUnique({ where: { id }, include: { assignees: true } });
  if (!item) throw NO_SUCH_ITEM();
  return item;
}

export function unitsOf(item: ItemRow): UnitAssignment[] {
  return item.assignees.map((a) => ({ unit: a.unit, role: a.role as 'lead' | 'co', responsiblePerson: a.responsiblePerson }));
}

export function leadOf(item: ItemRow) {
  return item.assignees.find((a) => a.role === 'lead') ?? null;
}

/** The item's class in its deadline table (deadlines.rules.ts). */
export function deadlineClassOf(item: { deadlineTable: string; itemClass: string; suddenDays: number | null }): DeadlineClass {
  return item.deadlineTable === 'petition'
    ? { table: 'petition', cls: item.itemClass as PetitionCaseClass, ...(item.suddenDays ? { days: item.suddenDays } : {}) }
    : { table: 'office', cls: item.itemClass as FeedbackClass };
}

export interface Transition<D extends z.ZodType> {
  current: ItemRow;
  action: ItemAction;
  to: ItemState;
  at: Date;
  /** more columns of the item to set with the state */
  data?: Prisma.SupervisionItemUpdateManyMutationInput;
  reason?: string | null;
  details?: Record<string, unknown>;
  event?: { contract: EventContract<D>; data: z.input<D> };
}

/**
 * One transition in `tx`: the state (and `data`) only if the version is still the one read (CONFLICT
 * otherwise, and the transaction rolls back), its history entry, and `recordChange` (audit entry and event).
 */
export async function writeTransition<D extends z.ZodType>(tx: SupervisionTx, context: RequestContext, t: Transition<D>) {
  const { actor } = context;
  const { current } = t;
  const { count } = await tx.supervisionItem.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...t.data, state: t.to, version: { increment: 1 } },
  });
  if (count !== 1) throw CHANGED_MEANWHILE();
  await tx.supervisionItemHistory.create({
    data: {
      itemId: current.id,
      at: t.at,
      actorId: actor.id,
      actorName: actor.name,
      action: t.action,
      fromState: current.state,
      toState: t.to,
      reason: t.reason ?? null,
      details: (t.details ?? {}) as Prisma.InputJsonValue,
    },
  });
  await recordChange(tx, context, {
    at: t.at,
    entityType: 'supervision-item',
    entityId: current.id,
    action: `supervision-item.${t.action}`,
    details: { registerNumber: current.registerNumber, ...(t.reason ? { reason: t.reason } : {}), ...t.details },
    ...(t.event ? { event: t.event } : {}),
  });
}

export async function readView(tx: Db | SupervisionTx, id: string) {
  return toView(await tx.supervisionItem.findUniqueOrThrow({ where: { id }, include: ITEM_INCLUDE }));
}

/**
 * The actor of the service's own work (the intake of other sections' events, the daily checks): it acts as
 * 督查室, is named in history and audit, and is never a person.
 */
export function systemContext(purpose: 'intake' | 'daily-checks', traceparent?: string): RequestContext {
  const trace = parseTraceparent(traceparent) ?? parseTraceparent(newTraceparent())!;
  const actor: Actor = {
    id: `system:supervision-${purpose}`,
    name: purpose === 'intake' ? '督查室（自动立项）' : '督查室（每日督查检查）',
    username: `system-supervision-${purpose}`,
    roles: ['supervisor'],
    unit: 'QWBGS',
    clearance: 'none',
    rank: null,
  };
  return { actor, traceparent: trace.traceparent, traceId: trace.traceId };
}
