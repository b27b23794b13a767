import { Controller } from '@nestjs/common';
import { Ctx, Payload, type NatsContext } from '@nestjs/microservices';
import { supervision } from '@gov/contracts';
import { CommandHandler, runCommand } from '@gov/service-kit';
import { OpenSupervisionItem } from './open-item.use-case.js';
import { AdmitSupervisionItem } from './admit-item.use-case.js';
import { AssignSupervisionItem } from './assign-item.use-case.js';
import { GetSupervisionItem, ListSupervisionItems } from './read-items.use-case.js';

/** NATS handlers of supervision items: each turns a message into a validated command and calls one use case. */
@Controller()
export class ItemsHandlers {
  constructor(
    private readonly openItem: OpenSupervisionItem,
    private readonly admitItem: AdmitSupervisionItem,
    private readonly assignItem: AssignSupervisionItem,
    private readonly getItem: GetSupervisionItem,
    private readonly listItems: ListSupervisionItems,
  ) {}

  @CommandHandler(supervision.openItem)
  open(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.openItem, data, ctx, (input, c) => this.openItem.execute(input, c));
  }

  @CommandHandler(supervision.admitItem)
  admit(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.admitItem, data, ctx, (input, c) => this.admitItem.execute(input, c));
  }

  @CommandHandler(supervision.assignItem)
  assign(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.assignItem, data, ctx, (input, c) => this.assignItem.execute(input, c));
  }

  @CommandHandler(supervision.getItem)
  get(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.getItem, data, ctx, (input, c) => this.getItem.execute(input, c));
  }

  @CommandHandler(supervision.listItems)
  list(@Payload() data: unknown, @Ctx() ctx: NatsContext) {
    return runCommand(supervision.listItems, data, ctx, (input, c) => this.listItems.execute(input, c));
  }
}
