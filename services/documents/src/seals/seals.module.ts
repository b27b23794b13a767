import { Module } from '@nestjs/common';
import { DEFAULT_SEAL_SETTINGS } from './seal-use.rules.js';
import { SealHandlers } from './seal.handlers.js';
import {
  ApproveSealUse,
  ConfirmSealUse,
  GetSealRequest,
  ReadSealRegister,
  RegisterSeal,
  RegisterSealApprover,
  RequestSealUse,
  ReviewSealUse,
  SEAL_SETTINGS,
} from './seal.use-cases.js';

/** 印章: use requests, the keeper's check and the seal register. */
@Module({
  controllers: [SealHandlers],
  providers: [
    { provide: SEAL_SETTINGS, useValue: DEFAULT_SEAL_SETTINGS },
    RegisterSeal,
    RegisterSealApprover,
    RequestSealUse,
    ApproveSealUse,
    ReviewSealUse,
    ConfirmSealUse,
    GetSealRequest,
    ReadSealRegister,
  ],
})
export class SealsModule {}
