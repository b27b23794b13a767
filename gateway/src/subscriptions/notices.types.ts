import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('InboxArrival', { description: 'Something arrived in my inbox: an incoming document to sign for (待签收), or an outgoing draft now held by me. No classified title travels.' })
export class InboxArrival {
  @Field({ description: 'incoming (收文) | outgoing (发文稿)' }) kind!: string;
  @Field(() => ID) documentId!: string;
  @Field(() => String, { nullable: true, description: 'incoming: the register number; outgoing: null (read the draft)' }) registerNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'null when classified, and for outgoing drafts (read the draft)' }) title!: string | null;
  @Field() classification!: string;
  @Field({ description: 'the step that handed it over' }) action!: string;
  @Field(() => ID) fromId!: string;
  @Field() at!: string;
}

@ObjectType('SupervisionUnitNotice', { description: "A unit's supervision notice: a new item handed to it (交办) or an item escalated by colour." })
export class SupervisionUnitNotice {
  @Field({ description: 'assigned | escalated' }) kind!: string;
  @Field(() => ID) itemId!: string;
  @Field() registerNumber!: string;
  @Field() unit!: string;
  @Field({ description: 'lead (主办) | co (协办)' }) role!: string;
  @Field(() => String, { nullable: true, description: '办结时限' }) dueOn!: string | null;
  @Field(() => String, { nullable: true, description: 'escalated: the colour now (blue | orange | red …)' }) colour!: string | null;
  @Field() at!: string;
}

@ObjectType('ScheduleChange', { description: 'The weekly leadership schedule (周表) was issued or amended.' })
export class ScheduleChange {
  @Field({ description: 'issued | amended' }) kind!: string;
  @Field(() => ID) scheduleId!: string;
  @Field() weekMonday!: string;
  @Field(() => String, { nullable: true, description: 'amended: the amendment number' }) amendmentNo!: string | null;
  @Field() at!: string;
}
