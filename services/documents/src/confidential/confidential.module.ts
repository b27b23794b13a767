import { Module } from '@nestjs/common';
import { ConfidentialHandlers, TelegramHandlers } from './confidential.handlers.js';
import { CONFIDENTIAL_SETTINGS } from './confidential-access.js';
import { DEFAULT_CONFIDENTIAL_SETTINGS } from './confidential.settings.js';
import {
  ArchiveConfidentialDocument,
  CarryConfidentialDocument,
  CheckTopSecretDocument,
  CopyConfidentialDocument,
  ListTopSecretCheckAlerts,
  ApproveCipherDestruction,
  WitnessCipherDestruction,
  DestroyConfidentialDocument,
  GetConfidentialDocument,
  InstructConfidentialDocument,
  ListConfidentialDocuments,
  ListOverdueConfidentialReturns,
  RecoverConfidentialDocument,
  RegisterConfidentialDocument,
  ReportConfidentialProgress,
  ReturnConfidentialDocument,
  WriteConfidentialProposal,
} from './confidential.use-cases.js';
import { AcceptTelegram, DraftTelegram, GetTelegram, ListTelegramsOwingSignature, RecordTelegramPhoneApproval, SignTelegram } from './telegram.use-cases.js';

/** 机要文件 and 电报: the confidential track. */
@Module({
  controllers: [ConfidentialHandlers, TelegramHandlers],
  providers: [
    { provide: CONFIDENTIAL_SETTINGS, useValue: DEFAULT_CONFIDENTIAL_SETTINGS },
    RegisterConfidentialDocument,
    WriteConfidentialProposal,
    CarryConfidentialDocument,
    InstructConfidentialDocument,
    ReportConfidentialProgress,
    RecoverConfidentialDocument,
    ReturnConfidentialDocument,
    ArchiveConfidentialDocument,
    GetConfidentialDocument,
    ListConfidentialDocuments,
    ListOverdueConfidentialReturns,
    CopyConfidentialDocument,
    CheckTopSecretDocument,
    ListTopSecretCheckAlerts,
    ApproveCipherDestruction,
    WitnessCipherDestruction,
    DestroyConfidentialDocument,
    DraftTelegram,
    SignTelegram,
    RecordTelegramPhoneApproval,
    AcceptTelegram,
    GetTelegram,
    ListTelegramsOwingSignature,
  ],
})
export class ConfidentialModule {}
