import { Module } from '@nestjs/common';
import { ChangeMarkerHandler } from './change-marker.handler';
import { ClearCustomerMarkerHandler } from './clear-customer-marker.handler';
import { CreateMarkerHandler } from './create-marker.handler';
import { CustomerMarkerController } from './customer-marker.controller';
import { DeleteMarkerHandler } from './delete-marker.handler';
import { ListMarkersHandler } from './list-markers.query';
import { MarkersController } from './markers.controller';
import { SetCustomerMarkerHandler } from './set-customer-marker.handler';

/** CS6: the marker catalogue and a customer's marker. */
@Module({
  controllers: [MarkersController, CustomerMarkerController],
  providers: [CreateMarkerHandler, ChangeMarkerHandler, DeleteMarkerHandler, SetCustomerMarkerHandler, ClearCustomerMarkerHandler, ListMarkersHandler],
})
export class MarkersModule {}
