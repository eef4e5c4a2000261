import { customerDecider, type CustomerEvent } from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(customerDecider);
const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const vip = '11111111-1111-4111-8111-111111111111';
const risk = '22222222-2222-4222-8222-222222222222';

const registered: CustomerEvent = { type: 'CustomerRegistered', data: { customerId, name: 'Ana Souza', phones: [] } };
const markerSet = (markerId: string): CustomerEvent => ({ type: 'CustomerMarkerSet', data: { customerId, markerId } });
const live = (markerId: string) => ({ markerId });

describe('customer marker (CS6)', () => {
  it('sets a live marker', () => {
    spec.given([registered]).when({ type: 'SetCustomerMarker', customerId, markerId: vip, marker: live(vip) }).then([markerSet(vip)]);
  });

  it('replaces the marker: one marker per customer', () => {
    spec.given([registered, markerSet(vip)]).when({ type: 'SetCustomerMarker', customerId, markerId: risk, marker: live(risk) }).then([markerSet(risk)]);
  });

  it('appends nothing when the customer already has that marker', () => {
    spec.given([registered, markerSet(vip)]).when({ type: 'SetCustomerMarker', customerId, markerId: vip, marker: live(vip) }).then([]);
  });

  it('refuses a marker that does not exist or was deleted (422)', () => {
    spec.given([registered]).when({ type: 'SetCustomerMarker', customerId, markerId: vip, marker: undefined }).thenThrows({ kind: 'rejected', code: 'marker_not_found' });
  });

  it('answers 404 for an unknown customer and 409 for a deleted one', () => {
    spec.given([]).when({ type: 'SetCustomerMarker', customerId, markerId: vip, marker: live(vip) }).thenThrows({ kind: 'not_found' });
    spec.given([registered, { type: 'CustomerDeleted', data: { customerId } }]).when({ type: 'ClearCustomerMarker', customerId }).thenThrows({ kind: 'conflict' });
  });

  it('clears the marker, naming the one cleared; clearing again appends nothing', () => {
    spec.given([registered, markerSet(vip)]).when({ type: 'ClearCustomerMarker', customerId }).then([{ type: 'CustomerMarkerCleared', data: { customerId, markerId: vip } }]);
    spec.given([registered, markerSet(vip), { type: 'CustomerMarkerCleared', data: { customerId, markerId: vip } }]).when({ type: 'ClearCustomerMarker', customerId }).then([]);
  });
});
