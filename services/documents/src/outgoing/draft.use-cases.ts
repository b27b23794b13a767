import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { canRead } from '@gov/auth';
import { allocateYearNumber } from '@gov/persistence';
import { GovError, documents, type Classification } from '@gov/contracts';
import { UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsTx } from '../database.js';
import { Prisma } from '../generated/prisma/client.js';
import { publicTitle } from '../incoming/incoming.rules.js';
import { DRAFT_INCLUDE, toView } from './outgoing.mapper.js';
import { nextOutgoingState } from './outgoing.rules.js';
import { ENTITY, OutgoingSteps, enqueueHandOver, transition } from './outgoing.steps.js';
import { assertOutgoingReturn } from './return-grounds.js';

type View = documents.OutgoingDocumentView;

/** 发文登记〔YYYY〕N号: the register number of an accepted draft (seed 000 L202: 办文系统登记, 办文流程单). */
export const OUTGOING_REGISTER_PREFIX = '发文登记';

/**
 * 拟稿: a department (代拟稿), an office section or the confidential clerk submits a draft (seed 000 L184–186).
 * A classified draft is submitted only by someone whose clearance covers it; its 知悉范围 defaults to the
 * drafter and the drafter's unit.
 */
@Injectable()
export class SubmitOutgoingDraft {
  constructor(
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    private readonly steps: OutgoingSteps,
  ) {}

  async execute(input: z.infer<typeof documents.SubmitDraftInputSchema>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.steps.now();
    const to = nextOutgoingState(null, 'submit-draft', actor);
    const needToKnow = input.classification === 'none' ? [] : [...new Set([actor.id, actor.unit, ...(input.needToKnow ?? [])])];
    if (input.classification !== 'none' && !canRead(actor, { classification: input.classification, needToKnow }).allowed) {
      throw GovError.forbidden('your clearance does not cover this draft');
    }
    const id = randomUUID();
    const row = await this.uow.run(async (tx) => {
      const created = await tx.outgoingDocument.create({
        data: {
          id,
          title: input.title,
          draftingUnit: input.draftingUnit,
          summary: input.summary ?? null,
          classification: input.classification,
          urgency: input.urgency,
          needToKnow,
          draftedById: actor.id,
          draftedByName: actor.name,
          submittedAt: now,
          status: to,
          holderId: actor.id,
          holderName: actor.name,
          history: {
            create: {
              at: now,
              actorId: actor.id,
              actorName: actor.name,
              action: 'submit-draft',
              fromState: null,
              toState: to,
              holderId: actor.id,
              holderName: actor.name,
              details: { draftingUnit: input.draftingUnit },
            },
          },
        },
        include: DRAFT_INCLUDE,
      });
      await recordChange(tx, context, {
        at: now,
        entityType: ENTITY,
        entityId: id,
        action: 'outgoing.submit-draft',
        details: { classification: input.classification, draftingUnit: input.draftingUnit },
      });
      await enqueueHandOver(tx, context.traceparent, {
        documentId: id,
        action: 'submit-draft',
        fromState: null,
        toState: to,
        holder: { id: actor.id, name: actor.name },
        classification: input.classification,
        at: now,
        by: actor.id,
      });
      return created;
    });
    return toView(row, this.steps.settings);
  }
}

/** 初核 退文: the clerk proposes a return on one or more of the ten grounds, ⑩ with a text (seed 000 L188–200). */
@Injectable()
export class ProposeOutgoingReturn {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: z.infer<typeof documents.proposeOutgoingReturn.input>, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft) => {
      const to = transition(draft, 'propose-return', context.actor);
      const grounds = input.grounds.map((g) => ({ ground: g.ground, ...(g.text ? { text: g.text } : {}) }));
      assertOutgoingReturn(grounds);
      return {
        action: 'propose-return',
        to,
        reason: grounds.map((g) => g.ground).join(', '),
        details: { grounds },
        data: { returnGrounds: grounds as Prisma.InputJsonValue },
      };
    });
  }
}

/** 退文 endorsed by the section chief (seed 000 L188: 承办人 → 科室负责人 → 办公室分管主任). */
@Injectable()
export class EndorseOutgoingReturn {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft) => ({ action: 'endorse-return', to: transition(draft, 'endorse-return', context.actor) }));
  }
}

/** 退文 approved by the deputy director in charge: the draft goes back to its unit, with the grounds. */
@Injectable()
export class ApproveOutgoingReturn {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft, _tx, now) => {
      const to = transition(draft, 'approve-return', context.actor);
      const grounds = (draft.returnGrounds as { ground: string }[] | null) ?? [];
      return {
        action: 'approve-return',
        to,
        details: { grounds },
        holder: { id: draft.draftedById, name: draft.draftedByName },
        event: {
          contract: documents.outgoingReturned,
          data: { documentId: draft.id, draftingUnit: draft.draftingUnit, grounds: grounds.map((g) => g.ground), returnedAt: now.toISOString(), approvedBy: context.actor.id },
        },
      };
    });
  }
}

/** The chief or the deputy director refuses the proposed return: back to 初核, grounds cleared. */
@Injectable()
export class RejectOutgoingReturn {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string; reason: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, (draft) => ({
      action: 'reject-return',
      to: transition(draft, 'reject-return', context.actor),
      reason: input.reason,
      data: { returnGrounds: Prisma.DbNull },
    }));
  }
}

/** 登记: the accepted draft gets its register number (发文登记〔YYYY〕N号) in the same transaction. */
@Injectable()
export class RegisterOutgoing {
  constructor(private readonly steps: OutgoingSteps) {}
  execute(input: { id: string }, context: RequestContext): Promise<View> {
    return this.steps.step(input.id, context, async (draft, tx, now) => {
      const to = transition(draft, 'register', context.actor);
      const number = await allocateYearNumber(tx, { prefix: OUTGOING_REGISTER_PREFIX, at: now, entityType: ENTITY, entityId: draft.id, issuedBy: context.actor.id });
      return {
        action: 'register',
        to,
        details: { registerNumber: number.formatted },
        data: { registerNumber: number.formatted, registeredAt: now },
        event: {
          contract: documents.outgoingRegistered,
          data: {
            documentId: draft.id,
            registerNumber: number.formatted,
            title: publicTitle({ classification: draft.classification as Classification, title: draft.title }),
            classification: draft.classification,
            draftingUnit: draft.draftingUnit,
            registeredAt: now.toISOString(),
            registeredBy: context.actor.id,
          },
        },
      };
    });
  }
}
