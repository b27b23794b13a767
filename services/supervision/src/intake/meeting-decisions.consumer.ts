import { Inject, Injectable } from '@nestjs/common';
import { meetings, readEvent, type EventEnvelope } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, recordChange, type EventConsumer } from '@gov/service-kit';
import type { SupervisionTx } from '../database.js';
import { handoverDue } from '../items/deadlines.rules.js';
import type { SupervisionSettings } from '../items/supervision.settings.js';
import { SUPERVISION_SETTINGS } from '../items/settings.module.js';
import { parseItemSource, sourcesFromMinutes } from '../items/supervision-item.rules.js';
import { systemContext } from '../items/item-workflow.js';
import { classifiedPlaceholder, openFromSource } from './open-from-source.js';

/**
 * 会议决定事项 → 督查事项: issued minutes (`gov.meetings.minutes.issued`) become one proposed item per decision
 * (一事一项, seed 000 L1306; issue 5 §1), keyed by the minutes and the decision's number, all in the one
 * transaction of the event: minutes with three decisions give three items, a duplicate gives none.
 *
 * Decisions the liaison cadre follows up (`followUp: 'liaison-cadre'`, absent = supervision: 副区长专题会议, "原则上由联系科级干部牵头负责督查
 * 和反馈", seed 002 L459; SCENARIOS seed002 #21) open no item: 督查室 is not their follow-up owner, and a proposed
 * item would sit in the director's admission queue and in the statistics as 督查室's work. They are not dropped
 * silently: one audit entry per event (entity `minutes`, the minutes' id) names their decision numbers. The
 * other decisions keep their numbers (decisionNo is the minutes' own, so items stay `decision:<n>`).
 */
@Injectable()
export class OpenItemsFromMinutes implements EventConsumer {
  readonly durable = 'supervision-intake-minutes';
  readonly eventTypes = [meetings.minutesIssued.type];

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async handle(envelope: EventEnvelope, tx: SupervisionTx): Promise<void> {
    const { data, id, traceparent } = readEvent(meetings.minutesIssued, envelope);
    const classified = data.classification !== 'none';
    const decisions = [...data.decisions].sort((a, b) => a.decisionNo - b.decisionNo);
    const numbered = sourcesFromMinutes(data.minutesId, decisions.map((d) => ({ unit: d.leadUnit, deadline: d.dueOn })));
    const context = systemContext('intake', traceparent);
    const now = this.clock.now();
    const handOverBy = handoverDue(this.calendars.calendar, toIsoDate(now), 'ordinary', this.settings);
    const byLiaison = decisions.filter((d) => meetings.followUpOf(d) === 'liaison-cadre').map((d) => d.decisionNo);
    if (byLiaison.length > 0) {
      await recordChange(tx, context, {
        at: now,
        entityType: 'minutes',
        entityId: data.minutesId,
        action: 'supervision.intake.followed-by-liaison-cadre',
        details: { eventId: id, number: data.number, meetingType: data.meetingType, decisionNos: byLiaison },
      });
    }
    for (const [i, d] of decisions.entries()) {
      if (meetings.followUpOf(d) === 'liaison-cadre') continue;
      // A decision's identity is its own number in the minutes; sourcesFromMinutes numbers 1..n, the same for
      // complete minutes.
      const source =
        numbered[i]!.kind === 'meeting-decision' && numbered[i]!.decisionNo === d.decisionNo
          ? numbered[i]!
          : parseItemSource({ kind: 'meeting-decision', minutesId: data.minutesId, decisionNo: d.decisionNo, unit: d.leadUnit, deadline: d.dueOn });
      const reference = `${data.number} 第${d.decisionNo}项`;
      await openFromSource(tx, context, now, id, {
        source,
        reference,
        proposed: { leadUnit: d.leadUnit, coUnits: d.coUnits },
        title: !classified && data.title ? `${data.title}（第${d.decisionNo}项）` : reference,
        content: !classified && d.matter ? d.matter : classifiedPlaceholder('会议纪要', reference),
        itemClass: 'routine',
        suddenDays: null,
        classification: data.classification,
        handOverBy,
      });
    }
  }
}
