import { Inject } from '@nestjs/common';
import { Args, Resolver, Subscription } from '@nestjs/graphql';
import { GovError } from '@gov/contracts';
import { hasAnyRole } from '@gov/auth';
import { Roles } from '../auth/roles.decorator.js';
import { CurrentCaller, type Caller } from '../graphql/context.js';
import { EVENT_HUB } from '../tokens.js';
import type { EventHub } from './event-hub.js';
import { InboxArrival, ScheduleChange, SupervisionUnitNotice } from './notices.types.js';
import { inboxArrivalFor, scheduleChangeFor, supervisionNoticeFor } from './notices.js';

const asIs = <T>(value: T) => value;

/**
 * GraphQL subscriptions (graphql-ws, token in connection_init): live notices projected from platform events.
 * Who may subscribe is checked here and by @Roles; what each subscriber sees is decided per event in notices.ts.
 */
@Resolver()
export class SubscriptionsResolver {
  constructor(@Inject(EVENT_HUB) private readonly hub: EventHub) {}

  @Subscription(() => InboxArrival, { resolve: asIs, description: 'Tells me when something is handed to me (收文 waiting for my signature).' })
  @Roles('clerk', 'confidential-clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'unit-liaison')
  inboxArrivals(@CurrentCaller() caller: Caller) {
    return this.hub.listen(inboxArrivalFor(caller.actor));
  }

  @Subscription(() => SupervisionUnitNotice, {
    resolve: asIs,
    description: "A unit's new supervision items (交办) and escalations (督办单 colours). A unit liaison may follow only its own unit.",
  })
  @Roles('unit-liaison', 'supervisor', 'director', 'deputy-director')
  supervisionUnitNotices(@Args('unit') unit: string, @CurrentCaller() caller: Caller) {
    if (!hasAnyRole(caller.actor, ['supervisor', 'director', 'deputy-director']) && caller.actor.unit !== unit) {
      throw GovError.forbidden("a unit liaison follows only its own unit's items", { unit });
    }
    return this.hub.listen(supervisionNoticeFor(unit));
  }

  @Subscription(() => ScheduleChange, {
    resolve: asIs,
    description: 'The weekly leadership schedule (周表) was issued or amended: all for the office, those naming me for a leader or my unit.',
  })
  @Roles('clerk', 'section-chief', 'deputy-director', 'director', 'district-leader', 'unit-liaison')
  scheduleChanges(@CurrentCaller() caller: Caller) {
    return this.hub.listen(scheduleChangeFor(caller.actor));
  }
}
