import type { TimelineData, TimelineType } from '../timeline-types';
import type { SummaryCatalogue, SummaryContext } from './catalogue';
import { ptBR } from './pt-BR';

export type { SummaryCatalogue, SummaryContext } from './catalogue';

/** Every locale the timeline can be worded in; add a catalogue here to add one. */
export const SUMMARY_CATALOGUES = { 'pt-BR': ptBR } satisfies Record<string, SummaryCatalogue>;
export type SummaryLocale = keyof typeof SUMMARY_CATALOGUES;
export const DEFAULT_SUMMARY_LOCALE: SummaryLocale = 'pt-BR';

export function renderSummary<T extends TimelineType>(type: T, data: TimelineData<T>, context: SummaryContext, locale: SummaryLocale = DEFAULT_SUMMARY_LOCALE): string {
  const summarize = SUMMARY_CATALOGUES[locale][type] as (data: TimelineData<T>, context: SummaryContext) => string;
  return summarize(data, context);
}
