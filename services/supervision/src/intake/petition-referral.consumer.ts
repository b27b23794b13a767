import { Inject, Injectable } from '@nestjs/common';
import { petitions, readEvent, type EventEnvelope } from '@gov/contracts';
import { toIsoDate, type Clock } from '@gov/calendar';
import type { CalendarStore } from '@gov/messaging';
import { CALENDAR, CLOCK, type EventConsumer } from '@gov/service-kit';
import type { SupervisionTx } from '../database.js';
import { assignmentLetterDue } from '../items/deadlines.rules.js';
import type { SupervisionSettings } from '../items/supervision.settings.js';
import { SUPERVISION_SETTINGS } from '../items/settings.module.js';
import { parseItemSource, SOURCE_KIND_ZH } from '../items/supervision-item.rules.js';
import { systemContext } from '../items/item-workflow.js';
import { openFromSource } from './open-from-source.js';

/**
 * 信访事项 → 督查事项: a petition case referred to 督查室 (`gov.petitions.case.referred`) becomes one proposed
 * item with the petition deadline table (seed 000 L1312: sudden 1–5 days, 15, 30, 60) and its class; a sudden
 * case keeps the days the petitions section set (the supervisor sets them at 交办 otherwise). Petition cases
 * always get their 交办函 (seed 000 L1310).
 */
@Injectable()
export class OpenItemFromPetition implements EventConsumer {
  readonly durable = 'supervision-intake-petitions';
  readonly eventTypes = [petitions.petitionReferred.type];

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDAR) private readonly calendars: CalendarStore,
    @Inject(SUPERVISION_SETTINGS) private readonly settings: SupervisionSettings,
  ) {}

  async handle(envelope: EventEnvelope, tx: SupervisionTx): Promise<void> {
    const { data, id, traceparent } = readEvent(petitions.petitionReferred, envelope);
    const now = this.clock.now();
    await openFromSource(tx, systemContext('intake', traceparent), now, id, {
      source: parseItemSource({ kind: 'petition', petitionId: data.petitionId }),
      reference: data.caseNumber,
      proposed: { leadUnit: data.leadUnit, coUnits: [] },
      title: `${data.caseNumber} ${SOURCE_KIND_ZH.petition}`,
      content: data.matter,
      itemClass: data.caseClass,
      suddenDays: data.caseClass === 'sudden' ? data.suddenDays : null,
      classification: 'none',
      handOverBy: assignmentLetterDue(this.calendars.calendar, toIsoDate(now), this.settings),
    });
  }
}
