export * from './customer-detail.projection';
