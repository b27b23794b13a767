import type { z } from 'zod';
import { clearanceAtLeast, hasAnyRole, type Actor } from '@gov/auth';
import { GovError, type Classification, type EventContract } from '@gov/contracts';
import { gateClassifiedRead, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { MeetingsDatabase, MeetingsTx } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MEETING_INCLUDE, toMeetingView, type MeetingRow } from './meeting.mapper.js';
import type { MeetingsSettings } from './settings.js';

export const NO_SUCH_MEETING = () => GovError.notFound('no such meeting');
export const MEETING_CHANGED_MEANWHILE = () => GovError.conflict('the meeting was changed meanwhile; reload it and try again');

/** Office roles that work with meetings; a unit liaison reads only the meetings whose notice goes to its unit. */
export const MEETING_READERS = [
  'clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'supervisor', 'auditor', 'admin',
] as const;

/**
 * A meeting as the caller may know it: a classified meeting beyond the caller's clearance, or a meeting a unit
 * liaison's unit is not notified of, is answered exactly as an unknown id (NOT_FOUND), and the refused read of
 * a classified meeting is audited; a read of a classified meeting is audited too.
 */
export async function readableMeeting(
  db: InstanceType<typeof MeetingsDatabase>,
  uow: UnitOfWork<MeetingsTx>,
  now: Date,
  id: string,
  context: RequestContext,
): Promise<MeetingRow> {
  const { actor } = context;
  const officeReader = hasAnyRole(actor, MEETING_READERS);
  if (!officeReader && !hasAnyRole(actor, ['unit-liaison'])) throw GovError.forbidden('you may not read meetings');
  const row = await db.meeting.findUnique({ where: { id }, include: MEETING_INCLUDE });
  if (!row) throw NO_SUCH_MEETING();
  const classification = row.classification as Classification;
  const unitMay = officeReader || row.recipientUnits.includes(actor.unit ?? '');
  const cleared = clearanceAtLeast(actor.clearance, classification);
  await gateClassifiedRead(uow, context, {
    entityType: 'meeting',
    auditPrefix: 'meeting',
    id,
    classification,
    allowed: cleared && unitMay,
    notFound: NO_SUCH_MEETING,
    at: now,
  });
  return row;
}

/** The meeting for a change: NOT_FOUND when unknown or beyond the actor's clearance. */
export async function meetingForChange(db: InstanceType<typeof MeetingsDatabase>, id: string, actor: Actor): Promise<MeetingRow> {
  const row = await db.meeting.findUnique({ where: { id }, include: MEETING_INCLUDE });
  if (!row || !clearanceAtLeast(actor.clearance, row.classification as Classification)) throw NO_SUCH_MEETING();
  return row;
}

/** The title an event may carry: null for a classified meeting. */
export function publicTitle(m: { title: string; classification: string }): string | null {
  return m.classification === 'none' ? m.title : null;
}

export interface MeetingChange<D extends z.ZodType> {
  at: Date;
  action: string;
  to: string;
  data?: Prisma.MeetingUpdateManyMutationInput;
  reason?: string | null;
  details?: Record<string, unknown>;
  event?: { contract: EventContract<D>; data: z.input<D> };
  /** further writes in the same transaction (sign-fors, attendance, documents) */
  also?: (tx: MeetingsTx) => Promise<unknown>;
}

/**
 * One step on a meeting in one transaction: the row (optimistic on its version), its history entry, any
 * further writes, the audit entry and the event. Returns the meeting as it is then.
 */
export async function changeMeeting<D extends z.ZodType>(
  tx: MeetingsTx,
  settings: MeetingsSettings,
  context: RequestContext,
  current: MeetingRow,
  change: MeetingChange<D>,
): Promise<ReturnType<typeof toMeetingView>> {
  const { actor } = context;
  const { count } = await tx.meeting.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...(change.data ?? {}), state: change.to, version: { increment: 1 } },
  });
  if (count !== 1) throw MEETING_CHANGED_MEANWHILE();
  await change.also?.(tx);
  const details = change.details ?? {};
  await tx.meetingHistory.create({
    data: {
      meetingId: current.id,
      at: change.at,
      actorId: actor.id,
      actorName: actor.name,
      action: change.action,
      fromState: current.state,
      toState: change.to,
      reason: change.reason ?? null,
      details: details as Prisma.InputJsonValue,
    },
  });
  await recordChange(tx, context, {
    at: change.at,
    entityType: 'meeting',
    entityId: current.id,
    action: `meeting.${change.action}`,
    details,
    ...(change.event ? { event: change.event } : {}),
  });
  return toMeetingView(await tx.meeting.findUniqueOrThrow({ where: { id: current.id }, include: MEETING_INCLUDE }), settings);
}
