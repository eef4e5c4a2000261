import { customerDecider, NOTE_MAX, type CustomerEvent } from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(customerDecider);
const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const noteId = '33333333-3333-4333-8333-333333333333';

const registered: CustomerEvent = { type: 'CustomerRegistered', data: { customerId, name: 'Ana Souza', phones: [] } };
const deleted: CustomerEvent = { type: 'CustomerDeleted', data: { customerId } };
const rated = (to: number, from?: number): CustomerEvent => ({ type: 'RatingChanged', data: { customerId, ...(from === undefined ? {} : { from }), to } });

describe('customer rating (T13)', () => {
  it('rates a customer who had no rating, without a `from`', () => {
    spec.given([registered]).when({ type: 'ChangeRating', customerId, rating: 4 }).then([rated(4)]);
  });

  it('changes the rating, naming the one before; 0 stars is a rating too', () => {
    spec.given([registered, rated(4)]).when({ type: 'ChangeRating', customerId, rating: 0 }).then([rated(0, 4)]);
    spec.given([registered, rated(4), rated(0, 4)]).when({ type: 'ChangeRating', customerId, rating: 5 }).then([rated(5, 0)]);
  });

  it('appends nothing for the rating the customer already has', () => {
    spec.given([registered, rated(3)]).when({ type: 'ChangeRating', customerId, rating: 3 }).then([]);
    spec.given([registered, rated(3), rated(0, 3)]).when({ type: 'ChangeRating', customerId, rating: 0 }).then([]);
  });

  it.each([[-1], [6], [2.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %p stars, naming the field rating', (rating) => {
    spec.given([registered]).when({ type: 'ChangeRating', customerId, rating }).thenThrows({ kind: 'invalid', field: 'rating' });
  });

  it('answers 404 for an unknown customer and 409 for a deleted one', () => {
    spec.given([]).when({ type: 'ChangeRating', customerId, rating: 2 }).thenThrows({ kind: 'not_found' });
    spec.given([registered, deleted]).when({ type: 'ChangeRating', customerId, rating: 2 }).thenThrows({ kind: 'conflict', code: 'customer_deleted' });
  });
});

describe('customer notes (T15)', () => {
  const note = (text: string): CustomerEvent => ({ type: 'NoteAdded', data: { customerId, noteId, text } });

  it('adds a note, trimmed', () => {
    spec.given([registered]).when({ type: 'AddNote', customerId, noteId, text: '  Prefere visitas no sábado \n' }).then([note('Prefere visitas no sábado')]);
  });

  it('takes NOTE_MAX characters once trimmed, and refuses one more', () => {
    const longest = 'x'.repeat(NOTE_MAX);
    spec.given([registered]).when({ type: 'AddNote', customerId, noteId, text: ` ${longest} ` }).then([note(longest)]);
    spec.given([registered]).when({ type: 'AddNote', customerId, noteId, text: `${longest}y` }).thenThrows({ kind: 'invalid', field: 'text' });
  });

  it('refuses a blank note', () => {
    spec.given([registered]).when({ type: 'AddNote', customerId, noteId, text: ' \n\t ' }).thenThrows({ kind: 'invalid', field: 'text' });
  });

  it('answers 404 for an unknown customer and 409 for a deleted one', () => {
    spec.given([]).when({ type: 'AddNote', customerId, noteId, text: 'Oi' }).thenThrows({ kind: 'not_found' });
    spec.given([registered, deleted]).when({ type: 'AddNote', customerId, noteId, text: 'Oi' }).thenThrows({ kind: 'conflict', code: 'customer_deleted' });
  });
});
