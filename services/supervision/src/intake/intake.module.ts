import { Module } from '@nestjs/common';
import { OpenItemFromLeaderInstruction } from './leader-instruction.consumer.js';
import { OpenItemsFromMinutes } from './meeting-decisions.consumer.js';
import { OpenItemFromPetition } from './petition-referral.consumer.js';
import { OpenItemsFromResearchTrip } from './research-trip.consumer.js';

/** 立项 from other sections' events: leader instructions, meeting decisions, petition referrals, research-trip forms. */
@Module({ providers: [OpenItemFromLeaderInstruction, OpenItemsFromMinutes, OpenItemFromPetition, OpenItemsFromResearchTrip] })
export class IntakeModule {}

export const INTAKE_CONSUMERS = [OpenItemFromLeaderInstruction, OpenItemsFromMinutes, OpenItemFromPetition, OpenItemsFromResearchTrip];
