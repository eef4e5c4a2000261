import { Injectable, type PipeTransform } from '@nestjs/common';
import { BadRequestProblem } from '../platform';
import { isCalendarDate } from './calendar-date';

/** The `:date` of a route: a real date written YYYY-MM-DD, else a 400 naming it. */
@Injectable()
export class CalendarDatePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isCalendarDate(value)) throw new BadRequestProblem('date', 'date must be a date written YYYY-MM-DD');
    return value;
  }
}
