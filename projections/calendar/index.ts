export * from './calendar-action';
export * from './calendar.projection';
