export * from './message-templates.projection';
