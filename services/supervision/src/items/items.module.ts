import { Module } from '@nestjs/common';
import { ItemsHandlers } from './items.handlers.js';
import { OpenSupervisionItem } from './open-item.use-case.js';
import { AdmitSupervisionItem } from './admit-item.use-case.js';
import { AssignSupervisionItem } from './assign-item.use-case.js';
import { GetSupervisionItem, ListSupervisionItems } from './read-items.use-case.js';

/** 督查事项: supervision items (立项, 立项批准, 交办, reads). */
@Module({
  controllers: [ItemsHandlers],
  providers: [OpenSupervisionItem, AdmitSupervisionItem, AssignSupervisionItem, GetSupervisionItem, ListSupervisionItems],
})
export class ItemsModule {}
