import type { ReadStore } from '@trilha/read-store';
import { labelKeysOf, TIMELINE_ENTRIES, TIMELINE_LABELS, TIMELINE_SORT, timelineItem, type TimelineEntryDocument, type TimelineItem } from '@trilha/projections/timeline';

/** A customer's entries as the API serves them, newest first; without labels, names stay unknown. */
export async function servedItems(readStore: ReadStore, customerId: string, options = { withLabels: true }): Promise<TimelineItem[]> {
  const docs = await readStore.collection<TimelineEntryDocument>(TIMELINE_ENTRIES).find({ customerId }, { sort: { ...TIMELINE_SORT } });
  const keys = options.withLabels ? labelKeysOf(docs) : [];
  const labels = keys.length > 0 ? await readStore.collection(TIMELINE_LABELS).find({ _id: { $in: keys } }) : [];
  return docs.map((doc) => timelineItem(doc, new Map(labels.map((l) => [l._id, l.value])), { timeZone: 'America/Sao_Paulo' }));
}
