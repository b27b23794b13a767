import { Module } from '@nestjs/common';
import { NpcCppccHandlers } from './npc-cppcc.handlers.js';
import { ReceiveNpcItem } from './receive-npc.use-case.js';
import { AssignNpcItem, CheckNpcItem, ExplainNpcItem, NpcChanges, RecordNpcResponse, ReplyNpcItem, SendBackNpcItem } from './handle-npc.use-case.js';
import { DueNpcChecks, GetNpcItem, ListNpcItems } from './read-npc.use-case.js';

/** 人大代表建议、政协委员提案: receive, assign, send back, explain, check, reply, response, reads. */
@Module({
  controllers: [NpcCppccHandlers],
  providers: [
    NpcChanges, ReceiveNpcItem, AssignNpcItem, SendBackNpcItem, ExplainNpcItem, ReplyNpcItem, RecordNpcResponse, CheckNpcItem,
    GetNpcItem, ListNpcItems, DueNpcChecks,
  ],
})
export class NpcCppccModule {}
