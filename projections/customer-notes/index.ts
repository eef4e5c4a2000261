export * from './customer-notes.projection';
