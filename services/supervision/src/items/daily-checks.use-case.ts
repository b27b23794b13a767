import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import { GovError, supervision } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import type { CalendarStore } from '@gov/messaging';
import { toIsoDate, type Clock, type IsoDate } from '@gov/calendar';
import { CALENDAR, CLOCK, DATABASE, UNIT_OF_WORK, recordChange, type RequestContext, type UnitOfWork } from '@gov/service-kit';
import type { SupervisionDatabase, SupervisionTx } from '../database.js';
import { CHANGED_MEANWHILE, leadOf, type ItemRow } from './item-workflow.js';
import { noticesDue, type NoticeKey } from './deadlines.rules.js';
import { COLOUR_ZH, type Colour, type SupervisionSettings } from './supervision.settings.js';
import { SUPERVISION_SETTINGS } from './settings.module.js';

type Input = z.infer<typeof supervision.runDailyChecks.input>;
type Output = supervision.DailyChecksResult;
type Recorded = Output['notices'][number];

/** States in which the clock runs or a report awaits review: the items the daily checks look at. */
export const OPEN_STATES = ['assigned', 'in-progress', 'report-submitted'] as const;

/** Who may run the checks by hand (the timer runs them as 督查室). */
const RUNNERS = ['supervisor', 'admin'] as const;

/** 发函催办 for the overdue reminders (seed 000 L1322), a 提示 notice before the deadline (seed 003 L13@c17284). */
const NOTICE_METHOD: Readonly<Record<'prompt' | 'reminder-1' | 'reminder-2', string>> = {
  prompt: 'notice',
  'reminder-1': 'letter',
  'reminder-2': 'letter',
};

function colourOf(key: NoticeKey): Colour | null {
  return key.startsWith('colour-') ? (key.slice('colour-'.length) as Colour) : null;
}

function noticeContent(item: ItemRow, key: NoticeKey, scheduledOn: IsoDate): string {
  switch (key) {
    case 'prompt':
      return `${item.registerNumber} 办结时限 ${item.dueOn} 将至，请按时报送办理结果。`;
    case 'reminder-1':
      return `${item.registerNumber} 已于 ${item.dueOn} 到期未办结，逾期第1个工作日发函催办（${scheduledOn}）。`;
    case 'reminder-2':
      return `${item.registerNumber} 第一次催办后仍未办结，第16天再次发函催办（${scheduledOn}）。`;
    default:
      return `${item.registerNumber} ${COLOUR_ZH[colourOf(key)!]}督办单`;
  }
}

/**
 * 每日督查检查: for every open item, records the notices that have fallen due by `date` (noticesDue): the
 * prompt before the deadline, the overdue reminders (逾期第1个工作日, 第一次催办后的第16天, seed 000 L1322)
 * in the reminder log, and the colour notices (blue → orange → red by default) that raise the item's colour.
 * Each notice is recorded once per item, round and key, and the reminders count from the day they were
 * actually sent, so a run that catches up after days off sends the first reminder now and the second 16 days
 * later, never both at once. Running it twice for the same date records nothing new. Emits
 * `gov.supervision.item.reminded` and `gov.supervision.item.escalated`. The date may not lie after today:
 * notices are not recorded ahead of their day.
 */
@Injectable()
export class RunDailySupervisionChecks {
  constructor(
    @Inject(DATABASE) private readonly db: InstanceType<typeof SupervisionDatabase>,
    @Inject(UNIT_OF_WORK) private readonly uow: UnitOfWork<SupervisionTx>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async execute(input: Input, context: RequestContext): Promise<Output> {
    if (!hasAnyRole(context.actor, RUNNERS)) throw GovError.forbidden('only a supervisor or an administrator runs the daily checks');
    const today = toIsoDate(this.clock.now());
    const date = input.date ?? today;
    if (date > today) {
      throw GovError.badInput(`the checks run for today (${today}) or an earlier day, not ${date}`, { field: 'date', today });
    }
    const items = await this.db.supervisionItem.findMany({
      where: { state: { in: [...OPEN_STATES] }, dueOn: { not: null } },
      include: { assignees: true },
      orderBy: [{ registerYear: 'asc' }, { registerSeq: 'asc' }],
    });
    const notices: Recorded[] = [];
    for (const item of items) notices.push(...(await this.checkWithRetry(item, date, context)));
    return { date, checked: items.length, notices };
  }

  /**
   * An item changed between the list and its transaction (a unit reported, another run got there first) is read
   * again and checked once more; one item's trouble does not stop the others' checks a second time.
   */
  private async checkWithRetry(item: ItemRow, date: IsoDate, context: RequestContext): Promise<Recorded[]> {
    try {
      return await this.checkItem(item, date, context);
    } catch (error) {
      const retriable = (error instanceof GovError && error.code === 'CONFLICT') || (error as { code?: string }).code === 'P2002';
      if (!retriable) throw error;
      const fresh = await this.db.supervisionItem.findUnique({ where: { id: item.id }, include: { assignees: true } });
      if (!fresh || !(OPEN_STATES as readonly string[]).includes(fresh.state) || !fresh.dueOn) return [];
      return this.checkItem(fresh, date, context);
    }
  }

  /** One item in one transaction: everything due by `date`, re-reading the schedule after each reminder. */
  private async checkItem(item: ItemRow, date: IsoDate, context: RequestContext): Promise<Recorded[]> {
    const calendar = this.calendars.calendar;
    return this.uow.run(async (tx) => {
      const recorded: Recorded[] = [];
      const issued = await tx.supervisionNotice.findMany({ where: { itemId: item.id, round: item.round } });
      let colour = item.colour as Colour | null;
      for (;;) {
        const sentOn = (key: NoticeKey) => issued.find((n) => n.key === key)?.sentOn;
        const first = sentOn('reminder-1');
        const second = sentOn('reminder-2');
        const due = noticesDue(calendar, item.dueOn!, date, this.settings, {
          issued: issued.map((n) => n.key as NoticeKey),
          stoppedOn: item.stoppedOn,
          ...(item.assignedOn ? { assignedOn: item.assignedOn } : {}),
          ...(first ? { firstSentOn: first } : {}),
          ...(second ? { secondSentOn: second } : {}),
        });
        const next = due[0];
        if (!next) break;
        const noticeColour = colourOf(next.key);
        const row = await tx.supervisionNotice.create({
          data: {
            id: randomUUID(),
            itemId: item.id,
            round: item.round,
            key: next.key,
            scheduledOn: next.on,
            sentOn: date,
            colour: noticeColour,
            recordedAt: this.clock.now(),
          },
        });
        issued.push(row);
        await this.record(tx, context, item, next.key, next.on, date, noticeColour, colour);
        if (noticeColour) colour = noticeColour;
        recorded.push({ itemId: item.id, registerNumber: item.registerNumber, round: item.round, key: next.key, scheduledOn: next.on, colour: noticeColour });
      }
      if (recorded.length > 0) {
        const { count } = await tx.supervisionItem.updateMany({
          where: { id: item.id, version: item.version },
          data: { colour, version: { increment: 1 } },
        });
        if (count !== 1) throw CHANGED_MEANWHILE();
      }
      return recorded;
    });
  }

  /** The reminder log entry or the colour step, with its history entry, audit entry and event. */
  private async record(
    tx: SupervisionTx,
    context: RequestContext,
    item: ItemRow,
    key: NoticeKey,
    scheduledOn: IsoDate,
    date: IsoDate,
    colour: Colour | null,
    previousColour: Colour | null,
  ): Promise<void> {
    const { actor } = context;
    const now = this.clock.now();
    const lead = leadOf(item);
    const history = (action: string, details: Record<string, unknown>) =>
      tx.supervisionItemHistory.create({
        data: { itemId: item.id, at: now, actorId: actor.id, actorName: actor.name, action, fromState: item.state, toState: item.state, details: details as never },
      });
    if (colour) {
      await history('escalate', { key, colour, previousColour, scheduledOn, sentOn: date, round: item.round });
      await recordChange(tx, context, {
        at: now,
        entityType: 'supervision-item',
        entityId: item.id,
        action: 'supervision-item.escalate',
        details: { registerNumber: item.registerNumber, key, colour, previousColour, scheduledOn, sentOn: date },
        event: {
          contract: supervision.itemEscalated,
          data: {
            itemId: item.id,
            registerNumber: item.registerNumber,
            round: item.round,
            leadUnit: lead?.unit ?? null,
            colour,
            previousColour,
            dueOn: item.dueOn!,
            sentOn: date,
            escalatedAt: now.toISOString(),
          },
        },
      });
      return;
    }
    const method = NOTICE_METHOD[key as keyof typeof NOTICE_METHOD];
    const reminderId = randomUUID();
    const content = noticeContent(item, key, scheduledOn);
    await tx.supervisionReminder.create({
      data: {
        id: reminderId,
        itemId: item.id,
        round: item.round,
        at: now,
        sentOn: date,
        method,
        content,
        contactPerson: lead?.responsiblePerson ?? '',
        approvedBy: null,
        byId: actor.id,
        byName: actor.name,
        noticeKey: key,
      },
    });
    await history('remind', { key, reminderId, method, scheduledOn, sentOn: date, round: item.round });
    await recordChange(tx, context, {
      at: now,
      entityType: 'supervision-item',
      entityId: item.id,
      action: 'supervision-item.remind',
      details: { registerNumber: item.registerNumber, key, reminderId, method, scheduledOn, sentOn: date },
      event: {
        contract: supervision.itemReminded,
        data: {
          itemId: item.id,
          registerNumber: item.registerNumber,
          round: item.round,
          leadUnit: lead?.unit ?? null,
          method,
          noticeKey: key,
          sentOn: date,
          remindedAt: now.toISOString(),
          remindedBy: actor.id,
        },
      },
    });
  }
}
