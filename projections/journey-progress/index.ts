export * from './documents';
export * from './journey-progress.projection';
export * from './progress-view';
