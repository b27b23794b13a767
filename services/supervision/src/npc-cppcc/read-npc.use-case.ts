import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole, type Actor } from '@gov/auth';
import { DATABASE, type RequestContext } from '@gov/service-kit';
import type { SupervisionDatabase } from '../database.js';
import { NPC_INCLUDE, toNpcSummary, toNpcView } from './npc-cppcc.mapper.js';
import { NO_SUCH_NPC_ITEM } from './handle-npc.use-case.js';

const OFFICE_READERS = ['supervisor', 'director', 'deputy-director', 'auditor'] as const;

/** null for the office readers, the actor's unit for a unit liaison; FORBIDDEN otherwise. */
function readScope(actor: Actor): { unit: string | null } {
  if (hasAnyRole(actor, OFFICE_READERS)) return { unit: null };
  if (hasAnyRole(actor, ['unit-liaison'])) return { unit: actor.unit };
  throw GovError.forbidden('you may not read suggestions and proposals');
}

/** One item with its units and history; a unit liaison sees only those handed to its unit (else NOT_FOUND). */
@Injectable()
export class GetNpcItem {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute({ id }: { id: string }, { actor }: RequestContext): Promise<supervision.NpcItemView> {
    const scope = readScope(actor);
    const item = await this.db.npcCppccItem.findFirst({
      where: { id, ...(scope.unit ? { units: { some: { unit: scope.unit } } } : {}) },
      include: NPC_INCLUDE,
    });
    if (!item) throw NO_SUCH_NPC_ITEM();
    return toNpcView(item);
  }
}

/** Newest first, by kind, state and unit; a unit liaison's list is its own unit's (another unit: FORBIDDEN). */
@Injectable()
export class ListNpcItems {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute(input: z.infer<typeof supervision.listNpcItems.input>, { actor }: RequestContext): Promise<z.infer<typeof supervision.listNpcItems.output>> {
    const scope = readScope(actor);
    if (scope.unit && input.unit && input.unit !== scope.unit) {
      throw GovError.forbidden("a unit liaison reads only its own unit's suggestions and proposals", { unit: input.unit });
    }
    const unit = scope.unit ?? input.unit;
    const where = {
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.state ? { state: input.state } : {}),
      ...(unit ? { units: { some: { unit } } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.npcCppccItem.findMany({ where, include: { units: true }, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: input.limit, skip: input.offset }),
      this.db.npcCppccItem.count({ where }),
    ]);
    return { items: rows.map(toNpcSummary), total };
  }
}

type DueOutput = z.infer<typeof supervision.dueNpcChecks.output>;

/**
 * What falls due by a date, for 督查室's daily round: responsibility not yet assigned (received or sent back,
 * assignBy), mid-point checks not yet recorded (day 45), and replies not yet given (replyDueOn). `overdue` when
 * the due date is before the date asked about. Office readers only.
 */
@Injectable()
export class DueNpcChecks {
  constructor(@Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>) {}

  async execute({ on }: { on: string }, { actor }: RequestContext): Promise<DueOutput> {
    if (!hasAnyRole(actor, OFFICE_READERS)) throw GovError.forbidden('only 督查室 and the office leaders see the due checks');
    const atUnit = ['assigned', 'explained', 'reopened'];
    const rows = await this.db.npcCppccItem.findMany({
      where: {
        OR: [
          { state: { in: ['received', 'sent-back'] }, assignBy: { lte: on } },
          { state: { in: atUnit }, midpointCheckedOn: null, midpointCheckOn: { lte: on } },
          { state: { in: atUnit }, replyDueOn: { lte: on } },
        ],
      },
      include: { units: true },
    });
    const checks: DueOutput['checks'] = [];
    for (const r of rows) {
      const base = {
        itemId: r.id,
        kind: r.kind as DueOutput['checks'][number]['kind'],
        externalNumber: r.externalNumber,
        state: r.state as DueOutput['checks'][number]['state'],
        leadUnit: r.units.find((u) => u.role === 'lead')?.unit ?? null,
      };
      const add = (check: DueOutput['checks'][number]['check'], dueOn: string) => checks.push({ ...base, check, dueOn, overdue: dueOn < on });
      if (r.state === 'received' || r.state === 'sent-back') {
        if (r.assignBy <= on) add('assign-responsibility', r.assignBy);
        continue;
      }
      if (!r.midpointCheckedOn && r.midpointCheckOn && r.midpointCheckOn <= on) add('midpoint-check', r.midpointCheckOn);
      if (r.replyDueOn && r.replyDueOn <= on) add('reply', r.replyDueOn);
    }
    checks.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.externalNumber.localeCompare(b.externalNumber)));
    return { on, checks };
  }
}
