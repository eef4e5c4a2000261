import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { parsePosition } from '@trilha/event-store';
import { CUSTOMER_DETAIL, MARKERS_COLLECTION, type MarkerDocument } from '@trilha/projections/customer-detail';
import { ReadModels } from '../read-models/read-models';
import type { MarkerListDto } from './marker.dto';

export class ListMarkersQuery {
  constructor(readonly minPosition?: string) {}
}

/** The live markers of the catalogue (at most 15: no paging), by name. */
@QueryHandler(ListMarkersQuery)
export class ListMarkersHandler implements IQueryHandler<ListMarkersQuery, MarkerListDto> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ minPosition }: ListMarkersQuery): Promise<MarkerListDto> {
    const position = minPosition ? parsePosition(minPosition) : undefined;
    if (position) await this.readModels.waitFor(CUSTOMER_DETAIL, position);
    const markers = await this.readModels.collection<MarkerDocument>(CUSTOMER_DETAIL, MARKERS_COLLECTION);
    const live = await markers.find({ deleted: false }, { sort: { name: 1 } });
    return { items: live.map(({ _id, name, emoji }) => ({ id: _id, name, emoji })) };
  }
}
