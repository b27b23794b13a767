import { Inject, Injectable } from '@nestjs/common';
import { meetings, readEvent, type EventEnvelope } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, type EventConsumer } from '@gov/service-kit';
import type { SupervisionTx } from '../database.js';
import { handoverDue } from '../items/deadlines.rules.js';
import type { SupervisionSettings } from '../items/supervision.settings.js';
import { SUPERVISION_SETTINGS } from '../items/settings.module.js';
import { parseItemSource, SOURCE_KIND_ZH } from '../items/supervision-item.rules.js';
import { systemContext } from '../items/item-workflow.js';
import { openFromSource } from './open-from-source.js';

/**
 * 调研 → 督查事项: a 《督办事项交办单》 the accompanying section issued after a leader's research trip
 * (`gov.meetings.research-trip.supervision-form-issued`; "督查室负责跟踪督办", seed 000 L640(2); SCENARIOS.md
 * seed000-b #3) becomes one proposed item per matter (一事一项, seed 000 L1306), keyed by the form and the
 * matter's number (`research-trip-form:<formId>/matter:<n>`), all in the event's transaction: a duplicate
 * under another id opens nothing. A form issued late is still followed up (the lateness is meetings' flag).
 */
@Injectable()
export class OpenItemsFromResearchTrip implements EventConsumer {
  readonly durable = 'supervision-intake-research-trips';
  readonly eventTypes = [meetings.researchTripSupervisionFormIssued.type];

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async handle(envelope: EventEnvelope, tx: SupervisionTx): Promise<void> {
    const { data, id, traceparent } = readEvent(meetings.researchTripSupervisionFormIssued, envelope);
    const context = systemContext('intake', traceparent);
    const now = this.clock.now();
    const handOverBy = handoverDue(this.calendars.calendar, toIsoDate(now), 'ordinary', this.settings);
    for (const m of [...data.matters].sort((a, b) => a.matterNo - b.matterNo)) {
      const source = parseItemSource({ kind: 'research-trip', formId: data.formId, matterNo: m.matterNo, unit: m.leadUnit, deadline: m.dueOn });
      const reference = `${data.place}调研《督办事项交办单》第${m.matterNo}项`;
      await openFromSource(tx, context, now, id, {
        source,
        reference,
        proposed: { leadUnit: m.leadUnit, coUnits: m.coUnits },
        title: `${SOURCE_KIND_ZH['research-trip']}（${data.place}调研 第${m.matterNo}项）`,
        content: m.matter,
        itemClass: 'routine',
        suddenDays: null,
        classification: 'none',
        handOverBy,
      });
    }
  }
}
