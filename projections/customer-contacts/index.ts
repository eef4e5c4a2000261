export * from './customer-contacts.projection';
