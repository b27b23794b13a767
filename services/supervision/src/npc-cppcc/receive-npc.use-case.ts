import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, UNIT_OF_WORK, type RequestContext, type UnitOfWork, recordChange } from '@gov/service-kit';
import type { SupervisionTx } from '../database.js';
import { assignResponsibilityBy, nextNpcState, replyRecipients } from '../items/npc-cppcc.rules.js';
import { DEFAULT_SUPERVISION_SETTINGS } from '../items/supervision.settings.js';
import { NPC_INCLUDE, toNpcView } from './npc-cppcc.mapper.js';

type Input = z.infer<typeof supervision.receiveNpcItem.input>;

/** A unique (kind, externalNumber) violation: the 人大/政协 number was registered already. */
function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
}

/**
 * 接收: a supervisor registers a suggestion or proposal as the 人大/政协 sent it, with its signatories (one lead
 * signatory for a joint item, seed 001 L834–836) and the day responsibility is due: 20 working days after
 * receipt (seed 000 L378). One item per number and kind (CONFLICT on a repeat).
 */
@Injectable()
export class ReceiveNpcItem {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<supervision.NpcItemView> {
    const { actor } = context;
    const now = this.clock.now();
    const today = toIsoDate(now);
    const state = nextNpcState(null, 'receive', actor);
    const proposers = input.proposers.map((p) => ({ name: p.name, leads: p.leads }));
    replyRecipients(proposers);
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) throw GovError.badInput(`receivedOn ${receivedOn} is after today (${today})`, { field: 'receivedOn' });
    const assignBy = assignResponsibilityBy(this.calendars.calendar, receivedOn, DEFAULT_SUPERVISION_SETTINGS);
    const id = randomUUID();
    try {
      const item = await this.uow.run(async (tx) => {
        const created = await tx.npcCppccItem.create({
          data: {
            id,
            kind: input.kind,
            externalNumber: input.externalNumber,
            title: input.title,
            content: input.content,
            proposers,
            state,
            receivedOn,
            assignBy,
            createdAt: now,
            createdById: actor.id,
            createdByName: actor.name,
            history: {
              create: [{ at: now, actorId: actor.id, actorName: actor.name, action: 'receive', fromState: null, toState: state, details: { receivedOn, assignBy } }],
            },
          },
          include: NPC_INCLUDE,
        });
        await recordChange(tx, context, {
          at: now,
          entityType: 'npc-cppcc-item',
          entityId: id,
          action: 'npc-cppcc.receive',
          details: { kind: input.kind, externalNumber: input.externalNumber, receivedOn, assignBy },
          event: {
            contract: supervision.npcReceived,
            data: { itemId: id, kind: input.kind, externalNumber: input.externalNumber, receivedOn, assignBy, receivedBy: actor.id },
          },
        });
        return created;
      });
      return toNpcView(item);
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw GovError.conflict(`${input.kind} ${input.externalNumber} is registered already`, { externalNumber: input.externalNumber });
      }
      throw e;
    }
  }
}
