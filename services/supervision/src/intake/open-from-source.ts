import { randomUUID } from 'node:crypto';
import { supervision } from '@gov/contracts';
import { allocateYearNumber } from '@gov/persistence';
import { recordChange, type RequestContext } from '@gov/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { SupervisionTx } from '../database.js';
import { ITEM_NUMBER_PREFIX } from '../items/item-number.js';
import {
  deadlineTable,
  needsSeparateNotice,
  originKey,
  STATE_ON_INTAKE,
  type ItemSource,
} from '../items/supervision-item.rules.js';

/** One matter another section sends to 督查室, as the intake consumers read it off an event. */
export interface IntakeMatter {
  source: ItemSource;
  /** the number or name the origin is known by (收文〔2026〕12号, a minutes' number, a petition's number) */
  reference: string;
  /** what the origin proposes beyond the validated source (units, for the supervisor's 交办) */
  proposed: { leadUnit: string | null; coUnits: string[] };
  title: string;
  content: string;
  itemClass: supervision.SupervisionItemView['class'];
  suddenDays: number | null;
  classification: string;
  /** 交办时限 (handoverDue / assignmentLetterDue) */
  handOverBy: string;
}

/** What an intake consumer learns: the item was opened, or the origin already has one (a duplicate event). */
export type IntakeOutcome = { created: true; itemId: string; registerNumber: string } | { created: false; itemId: string };

/**
 * 立项 from another section's event: a `proposed` item keyed by the origin (originKey, unique), numbered
 * 督〔YYYY〕N号, with its history, audit entry and `gov.supervision.item.created`, in the consumer's transaction
 * (the same one that records the event in the inbox). An origin that already has an item creates nothing: a
 * redelivered event is stopped by the inbox, a duplicate event under another id (a re-publication, a replay
 * by the sender) by this check and, if two arrive at once, by the unique originKey (the loser rolls back and
 * is redelivered, then finds the item). The director admits it next like a manual item (issue 5 §1).
 */
export async function openFromSource(
  tx: SupervisionTx,
  context: RequestContext,
  at: Date,
  eventId: string,
  matter: IntakeMatter,
): Promise<IntakeOutcome> {
  const key = originKey(matter.source);
  const existing = await tx.supervisionItem.findUnique({ where: { originKey: key }, select: { id: true } });
  if (existing) return { created: false, itemId: existing.id };

  const id = randomUUID();
  const { actor } = context;
  const separateNotice = needsSeparateNotice(matter.source);
  const number = await allocateYearNumber(tx, { prefix: ITEM_NUMBER_PREFIX, at, entityType: 'supervision-item', entityId: id, issuedBy: actor.id });
  // The stored source is the validated ItemSource plus what the origin calls itself and proposes.
  const stored = { ...matter.source, reference: matter.reference, proposed: matter.proposed };
  await tx.supervisionItem.create({
    data: {
      id,
      registerNumber: number.formatted,
      registerYear: number.year,
      registerSeq: number.value,
      title: matter.title,
      content: matter.content,
      sourceKind: matter.source.kind,
      source: stored as Prisma.InputJsonValue,
      originKey: key,
      deadlineTable: deadlineTable(matter.source),
      itemClass: matter.itemClass,
      suddenDays: matter.suddenDays,
      classification: matter.classification,
      needsSeparateNotice: separateNotice,
      handOverBy: matter.handOverBy,
      intakeEventId: eventId,
      state: STATE_ON_INTAKE,
      openedAt: at,
      openedById: actor.id,
      openedByName: actor.name,
      history: {
        create: [
          {
            at,
            actorId: actor.id,
            actorName: actor.name,
            action: 'propose',
            fromState: null,
            toState: STATE_ON_INTAKE,
            details: {
              registerNumber: number.formatted,
              class: matter.itemClass,
              source: stored,
              eventId,
              needsSeparateNotice: separateNotice,
              handOverBy: matter.handOverBy,
            } as Prisma.InputJsonValue,
          },
        ],
      },
    },
  });
  await recordChange(tx, context, {
    at,
    entityType: 'supervision-item',
    entityId: id,
    action: 'supervision-item.intake',
    details: { registerNumber: number.formatted, class: matter.itemClass, originKey: key, eventId, needsSeparateNotice: separateNotice },
    event: {
      contract: supervision.itemCreated,
      data: {
        itemId: id,
        registerNumber: number.formatted,
        sourceKind: matter.source.kind,
        class: matter.itemClass,
        state: STATE_ON_INTAKE,
        openedAt: at.toISOString(),
        openedBy: actor.id,
        needsSeparateNotice: separateNotice,
      },
    },
  });
  return { created: true, itemId: id, registerNumber: number.formatted };
}

/** Stand-in text for an item whose origin is classified: events never carry classified text. */
export function classifiedPlaceholder(kind: string, reference: string): string {
  return `（涉密${kind}，内容见原件 ${reference}）`;
}
