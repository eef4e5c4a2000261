import { Inject, Injectable } from '@nestjs/common';
import { parsePosition } from '@trilha/event-store';
import { CALENDAR, CALENDAR_ACTIONS_COLLECTION, type CalendarActionDocument } from '@trilha/projections/calendar';
import { ReadModels } from '../read-models/read-models';
import { localDateOf, utcWindow } from './calendar-date';
import { CALENDAR_TIME_ZONE } from './calendar-time-zone';

export interface ActionsQuery {
  from: string;
  to: string;
  ownerId?: string;
  minPosition?: string;
}

/** The calendar read model's actions on the local days from…to, in time order. */
@Injectable()
export class CalendarActions {
  constructor(private readonly readModels: ReadModels, @Inject(CALENDAR_TIME_ZONE) readonly timeZone: string) {}

  async between({ from, to, ownerId, minPosition }: ActionsQuery): Promise<CalendarActionDocument[]> {
    const position = minPosition ? parsePosition(minPosition) : undefined;
    if (position) await this.readModels.waitFor(CALENDAR, position);
    const actions = await this.readModels.collection<CalendarActionDocument>(CALENDAR, CALENDAR_ACTIONS_COLLECTION);
    const filter = { scheduledFor: utcWindow(from, to), ...(ownerId !== undefined ? { ownerId } : {}) };
    const found = await actions.find(filter, { sort: { scheduledFor: 1 } });
    return found.filter((action) => {
      const date = localDateOf(action.scheduledFor, this.timeZone);
      return date >= from && date <= to;
    });
  }
}
