export * from './lead-status-schedules.projection';
