export * from './calendar-action';
export * from './calendar.projection';
export * from './follow-up-actions';
