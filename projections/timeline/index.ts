export * from './documents';
export * from './labels';
export * from './summaries';
export * from './timeline-entry';
export * from './timeline-types';
export * from './timeline-view';
export * from './timeline.projection';
