import { Module } from '@nestjs/common';
import { SubscriptionsResolver } from './subscriptions.resolver.js';

/** Live notices over graphql-ws (issue 3 §6 inbox, issue 4 §8 schedule changes, issue 5 §8 unit items and escalations). */
@Module({ providers: [SubscriptionsResolver] })
export class SubscriptionsGraphqlModule {}
