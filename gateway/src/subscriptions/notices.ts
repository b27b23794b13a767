import type { z } from 'zod';
import { documents, meetings, supervision, type EventContract, type EventEnvelope } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import type { InboxArrival, ScheduleChange, SupervisionUnitNotice } from './notices.types.js';

type DataOf<C extends EventContract<z.ZodType>> = z.infer<C['data']>;

/**
 * What each subscriber may see of an event, as pure functions of (event, caller): undefined drops it. Events
 * carry no classified content; these decide whose notice it is.
 */

export function inboxArrivalFor(actor: Actor) {
  return (event: EventEnvelope): InboxArrival | undefined => {
    if (event.type === documents.outgoingHandedOver.type) {
      // a draft (发文) now held by me, put there by someone else's step
      const data = event.data as DataOf<typeof documents.outgoingHandedOver>;
      if (data.holder.id !== actor.id || data.by === actor.id) return undefined;
      return {
        kind: 'outgoing',
        documentId: data.documentId,
        registerNumber: null,
        title: null,
        classification: data.classification,
        action: data.action,
        fromId: data.by,
        at: data.at,
      };
    }
    if (event.type !== documents.incomingHandedOver.type) return undefined;
    const data = event.data as DataOf<typeof documents.incomingHandedOver>;
    if (data.toId !== actor.id) return undefined;
    return {
      kind: 'incoming',
      documentId: data.documentId,
      registerNumber: data.registerNumber,
      title: data.title,
      classification: data.classification,
      action: data.action,
      fromId: data.fromId,
      at: data.handedAt,
    };
  };
}

export function supervisionNoticeFor(unit: string) {
  return (event: EventEnvelope): SupervisionUnitNotice | undefined => {
    if (event.type === supervision.itemAssigned.type) {
      const data = event.data as DataOf<typeof supervision.itemAssigned>;
      const role = data.leadUnit === unit ? 'lead' : data.coUnits.includes(unit) ? 'co' : undefined;
      if (!role) return undefined;
      return { kind: 'assigned', itemId: data.itemId, registerNumber: data.registerNumber, unit, role, dueOn: data.dueOn, colour: null, at: event.time };
    }
    if (event.type === supervision.itemEscalated.type) {
      const data = event.data as DataOf<typeof supervision.itemEscalated>;
      if (data.leadUnit !== unit) return undefined;
      return { kind: 'escalated', itemId: data.itemId, registerNumber: data.registerNumber, unit, role: 'lead', dueOn: data.dueOn, colour: data.colour, at: data.escalatedAt };
    }
    return undefined;
  };
}

/** Office roles see every schedule change; a leader those naming them; a unit liaison those naming its unit. */
const SCHEDULE_OFFICE = ['clerk', 'section-chief', 'deputy-director', 'director'] as const;

export function scheduleChangeFor(actor: Actor) {
  const office = hasAnyRole(actor, SCHEDULE_OFFICE);
  return (event: EventEnvelope): ScheduleChange | undefined => {
    if (event.type === meetings.scheduleIssued.type) {
      const data = event.data as DataOf<typeof meetings.scheduleIssued>;
      if (!office && !data.leaderIds.includes(actor.id) && !(actor.unit && data.hostUnits.includes(actor.unit))) return undefined;
      return { kind: 'issued', scheduleId: data.scheduleId, weekMonday: data.weekMonday, amendmentNo: null, at: data.issuedAt };
    }
    if (event.type === meetings.scheduleAmended.type) {
      const data = event.data as DataOf<typeof meetings.scheduleAmended>;
      if (!office && !data.notifyLeaderIds.includes(actor.id) && !(actor.unit && data.notifyUnits.includes(actor.unit))) return undefined;
      return { kind: 'amended', scheduleId: data.scheduleId, weekMonday: data.weekMonday, amendmentNo: String(data.amendmentNo), at: data.amendedAt };
    }
    return undefined;
  };
}
