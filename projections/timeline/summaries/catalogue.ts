import type { TimelineData, TimelineType } from '../timeline-types';

/** What a summary may depend on besides the entry's data. */
export interface SummaryContext {
  /** IANA time zone in which instants (an appointment's time) are written. */
  timeZone: string;
}

/**
 * The summaries of one locale: a short sentence per timeline type, from the entry's data. The
 * mapped type makes a new timeline type a compile error in every catalogue until it is worded.
 */
export type SummaryCatalogue = { [T in TimelineType]: (data: TimelineData<T>, context: SummaryContext) => string };
