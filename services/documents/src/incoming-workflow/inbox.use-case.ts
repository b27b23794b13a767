import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { appendAudit } from '@gov/persistence';
import { documents, type Classification } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { DocumentsDatabase, DocumentsTx } from '../database.js';
import { toSummaryView } from '../incoming/incoming.mapper.js';
import { readDecision } from '../incoming/incoming.rules.js';

type Output = z.infer<typeof documents.incomingInbox.output>;
type Reason = Output['items'][number]['reason'];

/** Most inbox entries returned at once (the oldest first, so nothing waits unseen). */
export const INBOX_LIMIT = 200;

/**
 * What waits for me (issue 3 §6): items handed to me that I have not signed for yet, items I hold and must act
 * on, and open items I chase (专人催办). Returned, archived and finished-but-unanswered items are not "in hand"
 * unless a step is still due. Classified entries appear only within their 知悉范围, and each one shown is audited.
 */
@Injectable()
export class GetIncomingInbox {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof DocumentsDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<DocumentsTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(_input: unknown, { actor, traceId }: RequestContext): Promise<Output> {
    const today = toIsoDate(this.clock.now());
    const rows = await this.db.incomingDocument.findMany({
      where: {
        OR: [
          { inTransitToId: actor.id },
          { holderId: actor.id, inTransitToId: null, status: { notIn: ['returned', 'archived'] } },
          { chaserId: actor.id, status: 'in-handling' },
        ],
      },
      include: { instructions: { orderBy: { signedAt: 'asc' } } },
      orderBy: [{ registeredAt: 'asc' }],
      take: INBOX_LIMIT,
    });
    const visible = rows.filter(
      (d) => d.classification === 'none' || readDecision(actor, { classification: d.classification as Classification, needToKnow: d.needToKnow }).allowed,
    );
    const classified = visible.filter((d) => d.classification !== 'none');
    if (classified.length) {
      await this.uow.run(async (tx) => {
        for (const d of classified) {
          await appendAudit(tx, {
            actorId: actor.id,
            actorName: actor.name,
            action: 'incoming.inbox-classified',
            entityType: 'incoming-document',
            entityId: d.id,
            details: { classification: d.classification },
            traceId,
          });
        }
      });
    }
    const reasonOf = (d: (typeof rows)[number]): Reason =>
      d.inTransitToId === actor.id ? 'to-sign-for' : d.holderId === actor.id && !d.inTransitToId ? 'in-hand' : 'to-chase';
    return { items: visible.map((d) => ({ reason: reasonOf(d), document: toSummaryView(d, today) })) };
  }
}
