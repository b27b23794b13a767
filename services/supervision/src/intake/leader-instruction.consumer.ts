import { Inject, Injectable } from '@nestjs/common';
import { documents, readEvent, type EventEnvelope } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, type EventConsumer } from '@gov/service-kit';
import type { SupervisionTx } from '../database.js';
import { handoverDue } from '../items/deadlines.rules.js';
import type { SupervisionSettings } from '../items/supervision.settings.js';
import { SUPERVISION_SETTINGS } from '../items/settings.module.js';
import { parseItemSource, SOURCE_KIND_ZH } from '../items/supervision-item.rules.js';
import { systemContext } from '../items/item-workflow.js';
import { classifiedPlaceholder, openFromSource } from './open-from-source.js';

/**
 * 领导批示件 → 督查事项: a leader's instruction on an incoming document that sends the matter to supervision
 * (`gov.documents.incoming.routed`, to = supervision) becomes one proposed item, keyed by the document and the
 * instruction. Routes to other sections are not ours and are ignored. An urgent instruction is 特别紧急
 * ("急件必须立即交办", seed 000 L336): it needs a due date, the instruction's own or the supervisor's.
 */
@Injectable()
export class OpenItemFromLeaderInstruction implements EventConsumer {
  readonly durable = 'supervision-intake-instructions';
  readonly eventTypes = [documents.incomingRouted.type];

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async handle(envelope: EventEnvelope, tx: SupervisionTx): Promise<void> {
    const { data, id, traceparent } = readEvent(documents.incomingRouted, envelope);
    if (data.to !== 'supervision') return;
    const classified = data.classification !== 'none';
    const source = parseItemSource({
      kind: 'leader-instruction',
      documentId: data.documentId,
      instructionId: data.instructionId,
      unit: data.leadUnit,
      deadline: data.dueOn,
    });
    const now = this.clock.now();
    await openFromSource(tx, systemContext('intake', traceparent), now, id, {
      source,
      reference: data.registerNumber,
      proposed: { leadUnit: data.leadUnit, coUnits: data.coUnits },
      title: !classified && data.title ? data.title : `${data.registerNumber} ${SOURCE_KIND_ZH['leader-instruction']}`,
      content: !classified && data.matter ? data.matter : classifiedPlaceholder('批示', data.registerNumber),
      itemClass: data.urgent ? 'especially-urgent' : 'routine',
      suddenDays: null,
      classification: data.classification,
      handOverBy: handoverDue(this.calendars.calendar, toIsoDate(now), data.urgent ? 'urgent' : 'ordinary', this.settings),
    });
  }
}
