export { addCalendarDays, assertIsoDate, dayOfWeek, isIsoDate, toIsoDate, type IsoDate } from './iso-date.js';
export { HolidayYearSchema, parseHolidayYear, type Holiday, type HolidayYear } from './holiday-year.js';
export { BUNDLED_YEARS } from './bundled-years.js';
export { WorkingCalendar, type DayKind } from './working-calendar.js';
export {
  DeadlineClock,
  DeadlineClockStateSchema,
  DurationSchema,
  dueDate,
  type ClockPause,
  type ClockStatus,
  type DayUnit,
  type DeadlineClockState,
  type DueDateOptions,
  type Duration,
} from './deadline.js';
export * from './clock.js';
