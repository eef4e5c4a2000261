import type { CustomerEvent } from '@trilha/domain';

/** One changed field; `null` where the field had (or got) no value. */
export interface ChangedField {
  field: string;
  from: unknown;
  to: unknown;
}

const change = (field: string, from: unknown, to: unknown): ChangedField => ({ field, from: from ?? null, to: to ?? null });

/**
 * What "view changes" lists for an event (T2, T3, T4): each edited data field, and the status
 * fields. A moment change lists `moment` and `subMoment` separately, each only when it changed.
 */
export function changedFields(event: CustomerEvent): ChangedField[] {
  switch (event.type) {
    case 'CustomerDataEdited':
      return event.data.changes.map((c) => change(c.field, c.from, c.to));
    case 'TemperatureChanged':
    case 'TemperatureReverted':
      return [change('temperature', event.data.from, event.data.to)];
    case 'ObjectiveChanged':
      return [change('objective', event.data.from, event.data.to)];
    case 'ProductOfInterestChanged':
      return [change('productOfInterestId', event.data.from, event.data.to)];
    case 'MomentChanged': {
      const { from, to } = event.data;
      const fields: ChangedField[] = [];
      if (from?.moment !== to.moment) fields.push(change('moment', from?.moment, to.moment));
      if (from?.subMoment !== to.subMoment) fields.push(change('subMoment', from?.subMoment, to.subMoment));
      return fields;
    }
    default:
      return [];
  }
}
