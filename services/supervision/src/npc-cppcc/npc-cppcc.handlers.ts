import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { supervision } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { ReceiveNpcItem } from './receive-npc.use-case.js';
import { AssignNpcItem, CheckNpcItem, ExplainNpcItem, RecordNpcResponse, ReplyNpcItem, SendBackNpcItem } from './handle-npc.use-case.js';
import { DueNpcChecks, GetNpcItem, ListNpcItems } from './read-npc.use-case.js';

/** NATS handlers of NPC suggestions and CPPCC proposals: each validates its message and calls one use case. */
@Controller()
export class NpcCppccHandlers {
  constructor(
    private readonly receiveItem: ReceiveNpcItem,
    private readonly assignItem: AssignNpcItem,
    private readonly sendBackItem: SendBackNpcItem,
    private readonly explainItem: ExplainNpcItem,
    private readonly replyItem: ReplyNpcItem,
    private readonly responseItem: RecordNpcResponse,
    private readonly checkItem: CheckNpcItem,
    private readonly getItem: GetNpcItem,
    private readonly listItems: ListNpcItems,
    private readonly dueChecks: DueNpcChecks,
  ) {}

  @CommandHandler(supervision.receiveNpcItem)
  receive(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.receiveNpcItem, data, ctx, (input, c) => this.receiveItem.execute(input, c));
  }

  @CommandHandler(supervision.assignNpcItem)
  assign(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.assignNpcItem, data, ctx, (input, c) => this.assignItem.execute(input, c));
  }

  @CommandHandler(supervision.sendBackNpcItem)
  sendBack(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.sendBackNpcItem, data, ctx, (input, c) => this.sendBackItem.execute(input, c));
  }

  @CommandHandler(supervision.explainNpcItem)
  explain(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.explainNpcItem, data, ctx, (input, c) => this.explainItem.execute(input, c));
  }

  @CommandHandler(supervision.replyNpcItem)
  reply(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.replyNpcItem, data, ctx, (input, c) => this.replyItem.execute(input, c));
  }

  @CommandHandler(supervision.recordNpcResponse)
  response(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.recordNpcResponse, data, ctx, (input, c) => this.responseItem.execute(input, c));
  }

  @CommandHandler(supervision.checkNpcItem)
  check(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.checkNpcItem, data, ctx, (input, c) => this.checkItem.execute(input, c));
  }

  @CommandHandler(supervision.getNpcItem)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.getNpcItem, data, ctx, (input, c) => this.getItem.execute(input, c));
  }

  @CommandHandler(supervision.listNpcItems)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.listNpcItems, data, ctx, (input, c) => this.listItems.execute(input, c));
  }

  @CommandHandler(supervision.dueNpcChecks)
  due(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.dueNpcChecks, data, ctx, (input, c) => this.dueChecks.execute(input, c));
  }
}
