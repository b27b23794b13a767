import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import { DATABASE, type RequestContext } from '@gov/service-kit';
import type { SupervisionDatabase } from '../database.js';
import { ITEM_INCLUDE, toSummaryView, toView } from './items.mapper.js';
import { NO_SUCH_ITEM } from './admit-item.use-case.js';

/** Office roles that read every supervision item. */
const OFFICE_READERS = ['supervisor', 'director', 'deputy-director', 'auditor'] as const;

/** The unit an actor is limited to: null for the office readers, the actor's unit for a unit liaison. */
function readScope(actor: Actor): { unit: string | null } {
  if (hasAnyRole(actor, OFFICE_READERS)) return { unit: null };
  if (hasAnyRole(actor, ['unit-liaison'])) return { unit: actor.unit };
  throw GovError.forbidden('you may not read supervision items');
}

/**
 * One item with its units and full history. A unit liaison sees only items handed to its unit; another
 * item gets exactly the answer an unknown id gets (NOT_FOUND).
 */
@Injectable()
export class GetSupervisionItem {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute({ id }: { id: string }, { actor }: RequestContext): Promise<supervision.SupervisionItemView> {
    const scope = readScope(actor);
    const item = await this.db.supervisionItem.findFirst({
      where: { id, ...(scope.unit ? { assignees: { some: { unit: scope.unit } } } : {}) },
      include: ITEM_INCLUDE,
    });
    if (!item) throw NO_SUCH_ITEM();
    return toView(item);
  }
}

type ListInput = z.infer<typeof supervision.listItems.input>;
type ListOutput = z.infer<typeof supervision.listItems.output>;

/**
 * Supervision items, newest first, by state and unit. A unit liaison's list is its own unit's items (the
 * filter is in the query, so `total` counts only those); asking for another unit's is FORBIDDEN.
 */
@Injectable()
export class ListSupervisionItems {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute(input: ListInput, { actor }: RequestContext): Promise<ListOutput> {
    const scope = readScope(actor);
    if (scope.unit && input.unit && input.unit !== scope.unit) {
      throw GovError.forbidden("a unit liaison reads only its own unit's items", { unit: input.unit });
    }
    const unit = scope.unit ?? input.unit;
    const where = {
      ...(input.state ? { state: input.state } : {}),
      ...(unit ? { assignees: { some: { unit } } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.supervisionItem.findMany({
        where,
        include: { assignees: true },
        orderBy: [{ registerYear: 'desc' }, { registerSeq: 'desc' }],
        take: input.limit,
        skip: input.offset,
      }),
      this.db.supervisionItem.count({ where }),
    ]);
    return { items: rows.map(toSummaryView), total };
  }
}
