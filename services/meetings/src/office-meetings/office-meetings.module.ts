import { Module } from '@nestjs/common';
import { OfficeMeetingsHandlers } from './office-meetings.handlers.js';
import { CheckDecisionMethod, DecideOfficeItem, ListOfficeItems } from './office-meetings.use-case.js';

/** 室务会: the office's decision meetings (issue 4 §6). */
@Module({ controllers: [OfficeMeetingsHandlers], providers: [DecideOfficeItem, ListOfficeItems, CheckDecisionMethod] })
export class OfficeMeetingsModule {}
