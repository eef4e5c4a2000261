export * from './audit-changes.projection';
export * from './changed-fields';
