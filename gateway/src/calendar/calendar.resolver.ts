import { Inject, Module } from '@nestjs/common';
import { Args, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { CalendarStore } from '@gov/messaging';
import type { HolidayYear } from '@gov/calendar';
import { Roles } from '../auth/roles.decorator.js';
import { CALENDAR_STORE } from '../tokens.js';

@InputType('HolidayInput')
@ObjectType('Holiday')
export class HolidayType {
  @Field({ description: 'e.g. 春节' }) name!: string;
  @Field({ description: 'first day off, YYYY-MM-DD' }) from!: string;
  @Field({ description: 'last day off, YYYY-MM-DD' }) to!: string;
}

@InputType({ description: 'One year of the State Council\'s 放假调休安排.' })
export class CalendarYearInput {
  @Field(() => Int) year!: number;
  @Field({ description: 'The notice it comes from, e.g. 国办发明电〔2024〕12号' }) source!: string;
  @Field(() => [HolidayType]) holidays!: HolidayType[];
  @Field(() => [String], { description: '调休 make-up working days (weekend days that are worked)' }) makeUpWorkdays!: string[];
}

@ObjectType('CalendarYear')
export class CalendarYearType {
  @Field(() => Int) year!: number;
  @Field() source!: string;
  @Field(() => [HolidayType]) holidays!: HolidayType[];
  @Field(() => [String]) makeUpWorkdays!: string[];
  @Field(() => Int, { description: 'working days in the year' }) workingDays!: number;
}

@Resolver(() => CalendarYearType)
export class CalendarResolver {
  constructor(@Inject(CALENDAR_STORE) private readonly store: CalendarStore) {}

  private view(year: HolidayYear): CalendarYearType {
    const cal = this.store.calendar;
    return { ...year, workingDays: cal.workingDaysBetween(`${year.year}-01-01`, `${year.year}-12-31`) };
  }

  @Mutation(() => CalendarYearType, { description: 'Loads (or replaces) a year of holidays and make-up workdays for every service.' })
  @Roles('admin')
  async loadCalendarYear(@Args('input') input: CalendarYearInput): Promise<CalendarYearType> {
    const year = await this.store.put({
      year: input.year,
      source: input.source,
      holidays: input.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
      makeUpWorkdays: input.makeUpWorkdays,
    });
    return this.view(year);
  }

  @Query(() => [CalendarYearType], { description: 'The years the working-day calendar knows.' })
  @Roles('admin', 'clerk', 'section-chief', 'deputy-director', 'director', 'supervisor', 'auditor')
  calendarYears(): CalendarYearType[] {
    const cal = this.store.calendar;
    return cal.years().map((y) => this.view(cal.yearData(y)!));
  }
}

@Module({ providers: [CalendarResolver] })
export class CalendarGraphqlModule {}
