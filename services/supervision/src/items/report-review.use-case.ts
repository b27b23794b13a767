import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import { CLOCK, DATABASE, UNIT_OF_WORK, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { Prisma } from '../generated/prisma/client.js';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { leadOf, loadItem, readView, unitsOf, writeTransition, type ItemRow } from './item-workflow.js';
import { assertActsForUnit, nextState, type ItemState } from './supervision-item.rules.js';
import { assertMayAccept, assertReturnReasons, type CompletionReport, type ReturnReason } from './completion-report.rules.js';

type View = supervision.SupervisionItemView;

/** The report under review: the round's last one still `submitted`. */
async function pendingReport(db: InstanceType<typeof SupervisionDatabase>, item: ItemRow) {
  const report = await db.supervisionReport.findFirst({
    where: { itemId: item.id, round: item.round, outcome: 'submitted' },
    orderBy: { submittedAt: 'desc' },
  });
  if (!report) throw GovError.conflict('the item has no completion report awaiting review');
  return report;
}

function leadUnitOrConflict(item: ItemRow): string {
  const lead = leadOf(item);
  if (!lead) throw GovError.conflict('the item has not been handed to a lead unit');
  return lead.unit;
}

/**
 * 办结报告: the lead unit's liaison submits the completion report (审核签报 by the unit head and the unit seal
 * are recorded as given, seed 004 L209; seed 000 L1328). Escalation stops on the day it arrives (stoppedOn)
 * unless it is sent back. A co-unit does not report to 督查室 (越级, FORBIDDEN). `gov.supervision.item.reported`.
 */
@Injectable()
export class SubmitCompletionReport {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof supervision.submitReport.input>, context: RequestContext): Promise<View> {
    const { actor } = context;
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'submit-report', actor);
    assertActsForUnit(actor, unitsOf(current), 'submit-report');
    const today = toIsoDate(now);
    const reportId = randomUUID();
    const late = current.dueOn !== null && today > current.dueOn;
    return this.uow.run(async (tx) => {
      await tx.supervisionReport.create({
        data: {
          id: reportId,
          itemId: current.id,
          round: current.round,
          submittedAt: now,
          submittedById: actor.id,
          submittedByName: actor.name,
          fromUnit: actor.unit,
          form: input.form,
          signedByUnitHead: input.signedByUnitHead,
          sealed: input.sealed,
          summary: input.summary,
          outcome: 'submitted',
        },
      });
      await writeTransition(tx, context, {
        current,
        action: 'submit-report',
        to,
        at: now,
        data: { stoppedOn: today },
        details: { reportId, fromUnit: actor.unit, form: input.form, signedByUnitHead: input.signedByUnitHead, sealed: input.sealed, late },
        event: {
          contract: supervision.itemReported,
          data: {
            itemId: current.id,
            registerNumber: current.registerNumber,
            round: current.round,
            reportId,
            fromUnit: actor.unit,
            submittedAt: now.toISOString(),
            late,
          },
        },
      });
      return readView(tx, current.id);
    });
  }
}

/**
 * 退回重报: a supervisor sends the report back with reasons (at least one; a judgement reason with a note
 * saying what to supplement or redo, seed 000 L348, L1328–1330). The item is in progress again and
 * escalation resumes (stoppedOn cleared). `gov.supervision.item.sent-back`.
 */
@Injectable()
export class ReturnCompletionReport {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof supervision.returnReport.input>, context: RequestContext): Promise<View> {
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'return-report', context.actor);
    const reasons = input.reasons as ReturnReason[];
    assertReturnReasons(reasons);
    const report = await pendingReport(this.db, current);
    const leadUnit = leadUnitOrConflict(current);
    return this.uow.run(async (tx) => {
      const { count } = await tx.supervisionReport.updateMany({
        where: { id: report.id, outcome: 'submitted' },
        data: { outcome: 'returned', reasons: reasons as unknown as Prisma.InputJsonValue, reviewedAt: now, reviewedById: context.actor.id },
      });
      if (count !== 1) throw GovError.conflict('the report was reviewed meanwhile');
      await writeTransition(tx, context, {
        current,
        action: 'return-report',
        to,
        at: now,
        reason: reasons.map((r) => (r.note ? `${r.code}: ${r.note}` : r.code)).join('; '),
        data: { stoppedOn: null },
        details: { reportId: report.id, reasons },
        event: {
          contract: supervision.itemSentBack,
          data: {
            itemId: current.id,
            registerNumber: current.registerNumber,
            round: current.round,
            reportId: report.id,
            leadUnit,
            reasons: reasons.map((r) => r.code),
            sentBackAt: now.toISOString(),
            sentBackBy: context.actor.id,
          },
        },
      });
      return readView(tx, current.id);
    });
  }
}

/**
 * 审核通过: a supervisor accepts the report only when it is a formal document of the lead unit, signed by its
 * head and sealed (assertMayAccept: BAD_USER_INPUT naming each defect, which become the return reasons).
 * `gov.supervision.item.report-accepted`.
 */
@Injectable()
export class AcceptCompletionReport {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: z.infer<typeof supervision.acceptReport.input>, context: RequestContext): Promise<View> {
    const now = this.clock.now();
    const current = await loadItem(this.db, input.id);
    const to = nextState(current.state as ItemState, 'accept-report', context.actor);
    const report = await pendingReport(this.db, current);
    const leadUnit = leadUnitOrConflict(current);
    const completion: CompletionReport = {
      form: report.form as CompletionReport['form'],
      fromUnit: report.fromUnit,
      signedByUnitHead: report.signedByUnitHead,
      sealed: report.sealed,
    };
    assertMayAccept(completion, leadUnit);
    return this.uow.run(async (tx) => {
      const { count } = await tx.supervisionReport.updateMany({
        where: { id: report.id, outcome: 'submitted' },
        data: { outcome: 'accepted', reviewedAt: now, reviewedById: context.actor.id },
      });
      if (count !== 1) throw GovError.conflict('the report was reviewed meanwhile');
      await writeTransition(tx, context, {
        current,
        action: 'accept-report',
        to,
        at: now,
        details: { reportId: report.id },
        event: {
          contract: supervision.itemReportAccepted,
          data: {
            itemId: current.id,
            registerNumber: current.registerNumber,
            round: current.round,
            reportId: report.id,
            leadUnit,
            acceptedAt: now.toISOString(),
            acceptedBy: context.actor.id,
          },
        },
      });
      return readView(tx, current.id);
    });
  }
}
