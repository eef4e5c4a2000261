export { EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
export { DEFAULT_TAIL_PROBE, type TailProbeSettings } from './tail-probe';
