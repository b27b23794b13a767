import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('HistoryEntry', { description: 'One signed step in a document\'s or an item\'s history: who, when, from, to, why.' })
export class HistoryEntry {
  @Field() at!: string;
  @Field(() => ID) actorId!: string;
  @Field() actorName!: string;
  @Field() action!: string;
  @Field(() => String, { nullable: true }) fromState!: string | null;
  @Field() toState!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
}
