import { CUSTOMER_DETAIL, MARKERS_COLLECTION, type MarkerDocument } from '@trilha/projections/customer-detail';
import type { ReadModels } from '../read-models/read-models';
import type { MarkerDto } from './marker.dto';

/**
 * The marker a customer detail shows: the catalogue's current name and emoji, or null when the
 * customer has none or theirs was deleted (a deleted marker fades without an event per customer).
 */
export async function customerMarkerView(readModels: ReadModels, markerId: string | undefined): Promise<MarkerDto | null> {
  if (markerId === undefined) return null;
  const markers = await readModels.collection<MarkerDocument>(CUSTOMER_DETAIL, MARKERS_COLLECTION);
  const marker = await markers.findOne({ _id: markerId });
  return marker && !marker.deleted ? { id: marker._id, name: marker.name, emoji: marker.emoji } : null;
}
