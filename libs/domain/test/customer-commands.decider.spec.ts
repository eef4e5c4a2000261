import { customerDecider, type CustomerEvent, type LeadStatus, type Temperature } from '@trilha/domain';
import { deciderSpec } from '@trilha/testing/decider-spec';

const spec = deciderSpec(customerDecider);

const customerId = '6f1d2b1e-0c7a-4d5e-9a52-6a1f3c1f9e01';
const proposalId = '0b9e1f43-5d1c-4f44-8e4a-0e3b8f1d2c10';

const registered = (extra: Partial<Extract<CustomerEvent, { type: 'CustomerRegistered' }>['data']> = {}): CustomerEvent => ({
  type: 'CustomerRegistered',
  data: { customerId, name: 'Ana Souza', phones: [], ...extra },
});

const temperatureChanged = (to: Temperature, from?: Temperature): CustomerEvent => ({
  type: 'TemperatureChanged',
  data: from ? { customerId, from, to } : { customerId, to },
});

const temperatureReverted = (from: Temperature, to: Temperature): CustomerEvent => ({
  type: 'TemperatureReverted',
  data: { customerId, from, to },
});

const proposalRegistered = (id = proposalId, amountCents = 150000): CustomerEvent => ({
  type: 'ProposalRegistered',
  data: { customerId, proposalId: id, productId: 'apt-301', amountCents },
});

const leadStatusChanged = (from: LeadStatus, to: LeadStatus): CustomerEvent => ({
  type: 'LeadStatusChanged',
  data: { customerId, from, to },
});

describe('customer decider: status fields (T3, T4)', () => {
  describe('ChangeTemperature', () => {
    it('records the old and the new temperature', () => {
      spec
        .given([registered({ temperature: 'cold' })])
        .when({ type: 'ChangeTemperature', customerId, temperature: 'hot' })
        .then([temperatureChanged('hot', 'cold')]);
    });

    it('leaves `from` out when the customer had no temperature', () => {
      spec.given([registered()]).when({ type: 'ChangeTemperature', customerId, temperature: 'warm' }).then([temperatureChanged('warm')]);
    });

    it('appends nothing when the temperature is already the one asked for', () => {
      spec.given([registered({ temperature: 'hot' })]).when({ type: 'ChangeTemperature', customerId, temperature: 'hot' }).then([]);
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'ChangeTemperature', customerId, temperature: 'hot' }).thenThrows({ kind: 'not_found', code: 'customer_not_found' });
    });
  });

  describe('RevertTemperature: one step back in the history of temperatures, like undo', () => {
    it('goes back to the temperature before the last change', () => {
      spec
        .given([registered({ temperature: 'cold' }), temperatureChanged('hot', 'cold')])
        .when({ type: 'RevertTemperature', customerId })
        .then([temperatureReverted('hot', 'cold')]);
    });

    it('after several changes, each revert goes back one more step', () => {
      const history = [registered({ temperature: 'cold' }), temperatureChanged('warm', 'cold'), temperatureChanged('hot', 'warm')];
      spec.given(history).when({ type: 'RevertTemperature', customerId }).then([temperatureReverted('hot', 'warm')]);
      spec
        .given([...history, temperatureReverted('hot', 'warm')])
        .when({ type: 'RevertTemperature', customerId })
        .then([temperatureReverted('warm', 'cold')]);
    });

    it('a change after a revert is undone by the next revert, back to the reverted-to value', () => {
      spec
        .given([
          registered({ temperature: 'cold' }),
          temperatureChanged('warm', 'cold'),
          temperatureChanged('hot', 'warm'),
          temperatureReverted('hot', 'warm'),
          temperatureChanged('cold', 'warm'),
        ])
        .when({ type: 'RevertTemperature', customerId })
        .then([temperatureReverted('cold', 'warm')]);
    });

    it('refuses with a conflict when every change has been reverted', () => {
      spec
        .given([registered({ temperature: 'cold' }), temperatureChanged('hot', 'cold'), temperatureReverted('hot', 'cold')])
        .when({ type: 'RevertTemperature', customerId })
        .thenThrows({ kind: 'conflict', code: 'nothing_to_revert' });
    });

    it('refuses with a conflict when the temperature was never changed', () => {
      spec.given([registered({ temperature: 'warm' })]).when({ type: 'RevertTemperature', customerId }).thenThrows({ kind: 'conflict', code: 'nothing_to_revert' });
    });

    it('refuses when the first temperature came from a change: there is no earlier value', () => {
      spec.given([registered(), temperatureChanged('hot')]).when({ type: 'RevertTemperature', customerId }).thenThrows({ kind: 'conflict', code: 'nothing_to_revert' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'RevertTemperature', customerId }).thenThrows({ kind: 'not_found' });
    });
  });

  describe('ChangeObjective', () => {
    it('records the old and the new objective', () => {
      spec
        .given([registered({ objective: 'buy' })])
        .when({ type: 'ChangeObjective', customerId, objective: 'invest' })
        .then([{ type: 'ObjectiveChanged', data: { customerId, from: 'buy', to: 'invest' } }]);
    });

    it('sees the previous change when folding', () => {
      spec
        .given([registered(), { type: 'ObjectiveChanged', data: { customerId, to: 'buy' } }])
        .when({ type: 'ChangeObjective', customerId, objective: 'rent' })
        .then([{ type: 'ObjectiveChanged', data: { customerId, from: 'buy', to: 'rent' } }]);
    });

    it('appends nothing for the same objective', () => {
      spec.given([registered({ objective: 'buy' })]).when({ type: 'ChangeObjective', customerId, objective: 'buy' }).then([]);
    });

    it('refuses a blank objective, naming the field', () => {
      spec.given([registered()]).when({ type: 'ChangeObjective', customerId, objective: '  ' }).thenThrows({ kind: 'invalid', field: 'objective' });
    });

    it('refuses an objective over 256 characters', () => {
      spec.given([registered()]).when({ type: 'ChangeObjective', customerId, objective: 'x'.repeat(257) }).thenThrows({ kind: 'invalid', field: 'objective' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'ChangeObjective', customerId, objective: 'buy' }).thenThrows({ kind: 'not_found' });
    });
  });

  describe('ChangeMoment', () => {
    it('records the moment with its sub-moment', () => {
      spec
        .given([registered()])
        .when({ type: 'ChangeMoment', customerId, moment: 'research', subMoment: 'comparing prices' })
        .then([{ type: 'MomentChanged', data: { customerId, to: { moment: 'research', subMoment: 'comparing prices' } } }]);
    });

    it('records the previous moment as `from`', () => {
      spec
        .given([registered(), { type: 'MomentChanged', data: { customerId, to: { moment: 'research', subMoment: 'first look' } } }])
        .when({ type: 'ChangeMoment', customerId, moment: 'decision' })
        .then([{ type: 'MomentChanged', data: { customerId, from: { moment: 'research', subMoment: 'first look' }, to: { moment: 'decision' } } }]);
    });

    it('appends nothing for the same moment and sub-moment', () => {
      spec
        .given([registered(), { type: 'MomentChanged', data: { customerId, to: { moment: 'research', subMoment: 'first look' } } }])
        .when({ type: 'ChangeMoment', customerId, moment: 'research', subMoment: 'first look' })
        .then([]);
    });

    it('refuses a blank moment or sub-moment, naming the field', () => {
      spec.given([registered()]).when({ type: 'ChangeMoment', customerId, moment: '' }).thenThrows({ kind: 'invalid', field: 'moment' });
      spec.given([registered()]).when({ type: 'ChangeMoment', customerId, moment: 'research', subMoment: ' ' }).thenThrows({ kind: 'invalid', field: 'subMoment' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'ChangeMoment', customerId, moment: 'research' }).thenThrows({ kind: 'not_found' });
    });
  });

  describe('ChangeProductOfInterest', () => {
    it('records the old and the new product', () => {
      spec
        .given([registered({ productOfInterestId: 'apt-101' })])
        .when({ type: 'ChangeProductOfInterest', customerId, productId: 'apt-301' })
        .then([{ type: 'ProductOfInterestChanged', data: { customerId, from: 'apt-101', to: 'apt-301' } }]);
    });

    it('appends nothing for the same product', () => {
      spec.given([registered({ productOfInterestId: 'apt-101' })]).when({ type: 'ChangeProductOfInterest', customerId, productId: 'apt-101' }).then([]);
    });

    it('refuses a blank product id', () => {
      spec.given([registered()]).when({ type: 'ChangeProductOfInterest', customerId, productId: '' }).thenThrows({ kind: 'invalid', field: 'productId' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'ChangeProductOfInterest', customerId, productId: 'apt-301' }).thenThrows({ kind: 'not_found' });
    });
  });
});

describe('customer decider: proposals (T6) and lead status (T14)', () => {
  const otherProposal = '5c2a7c1e-8a55-4c3e-9d47-2e6f0a1b3c4d';

  describe('RegisterProposal', () => {
    it('registers the proposal and puts a new lead in progress', () => {
      spec
        .given([registered()])
        .when({ type: 'RegisterProposal', customerId, proposalId, productId: 'apt-301', amountCents: 150000, notes: 'entrada de 20%' })
        .then([
          { type: 'ProposalRegistered', data: { customerId, proposalId, productId: 'apt-301', amountCents: 150000, notes: 'entrada de 20%' } },
          leadStatusChanged('new', 'in_progress'),
        ]);
    });

    it('a second proposal leaves the lead status as it is', () => {
      spec
        .given([registered(), proposalRegistered(), leadStatusChanged('new', 'in_progress')])
        .when({ type: 'RegisterProposal', customerId, proposalId: otherProposal, productId: 'apt-301', amountCents: 99 })
        .then([proposalRegistered(otherProposal, 99)]);
    });

    it.each([
      ['zero', 0],
      ['negative', -100],
      ['fractional cents', 10.5],
      ['too large', 100_000_000_000_000],
    ])('refuses a %s amount, naming the field', (_label, amountCents) => {
      spec
        .given([registered()])
        .when({ type: 'RegisterProposal', customerId, proposalId, productId: 'apt-301', amountCents })
        .thenThrows({ kind: 'invalid', field: 'amount' });
    });

    it('refuses a blank product and notes over 4000 characters', () => {
      spec.given([registered()]).when({ type: 'RegisterProposal', customerId, proposalId, productId: ' ', amountCents: 1 }).thenThrows({ kind: 'invalid', field: 'productId' });
      spec
        .given([registered()])
        .when({ type: 'RegisterProposal', customerId, proposalId, productId: 'p', amountCents: 1, notes: 'x'.repeat(4001) })
        .thenThrows({ kind: 'invalid', field: 'notes' });
    });

    it('refuses a proposal id that is already taken', () => {
      spec
        .given([registered(), proposalRegistered()])
        .when({ type: 'RegisterProposal', customerId, proposalId, productId: 'apt-301', amountCents: 1 })
        .thenThrows({ kind: 'conflict', code: 'proposal_exists' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'RegisterProposal', customerId, proposalId, productId: 'p', amountCents: 1 }).thenThrows({ kind: 'not_found' });
    });
  });

  describe('MarkProposalAsSale', () => {
    it('marks an open proposal as a sale and the lead status becomes Sale', () => {
      spec
        .given([registered(), proposalRegistered(), leadStatusChanged('new', 'in_progress')])
        .when({ type: 'MarkProposalAsSale', customerId, proposalId })
        .then([{ type: 'ProposalMarkedAsSale', data: { customerId, proposalId } }, leadStatusChanged('in_progress', 'sale')]);
    });

    it('a lead that had given up (no sale) becomes a sale too', () => {
      spec
        .given([registered(), proposalRegistered(), leadStatusChanged('new', 'in_progress'), leadStatusChanged('in_progress', 'no_sale')])
        .when({ type: 'MarkProposalAsSale', customerId, proposalId })
        .then([{ type: 'ProposalMarkedAsSale', data: { customerId, proposalId } }, leadStatusChanged('no_sale', 'sale')]);
    });

    it('selling a second proposal leaves the lead status at Sale', () => {
      spec
        .given([
          registered(),
          proposalRegistered(),
          proposalRegistered(otherProposal),
          { type: 'ProposalMarkedAsSale', data: { customerId, proposalId } },
          leadStatusChanged('new', 'sale'),
        ])
        .when({ type: 'MarkProposalAsSale', customerId, proposalId: otherProposal })
        .then([{ type: 'ProposalMarkedAsSale', data: { customerId, proposalId: otherProposal } }]);
    });

    it('refuses to sell a proposal twice (409)', () => {
      spec
        .given([registered(), proposalRegistered(), { type: 'ProposalMarkedAsSale', data: { customerId, proposalId } }])
        .when({ type: 'MarkProposalAsSale', customerId, proposalId })
        .thenThrows({ kind: 'conflict', code: 'proposal_already_sold' });
    });

    it('answers not found for an unknown proposal', () => {
      spec
        .given([registered(), proposalRegistered()])
        .when({ type: 'MarkProposalAsSale', customerId, proposalId: otherProposal })
        .thenThrows({ kind: 'not_found', code: 'proposal_not_found' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'MarkProposalAsSale', customerId, proposalId }).thenThrows({ kind: 'not_found', code: 'customer_not_found' });
    });
  });
});

describe('customer decider: disinterest (T8) and comments (T7)', () => {
  describe('InformDisinterest', () => {
    it('records the reason and an open lead becomes No sale', () => {
      spec
        .given([registered()])
        .when({ type: 'InformDisinterest', customerId, reason: 'Comprou com outra construtora' })
        .then([{ type: 'DisinterestInformed', data: { customerId, reason: 'Comprou com outra construtora' } }, leadStatusChanged('new', 'no_sale')]);
    });

    it('a lead that already bought stays a sale', () => {
      spec
        .given([registered(), proposalRegistered(), { type: 'ProposalMarkedAsSale', data: { customerId, proposalId } }, leadStatusChanged('new', 'sale')])
        .when({ type: 'InformDisinterest', customerId, reason: 'Não quer outro imóvel' })
        .then([{ type: 'DisinterestInformed', data: { customerId, reason: 'Não quer outro imóvel' } }]);
    });

    it('informing it again records the new reason only', () => {
      spec
        .given([registered(), { type: 'DisinterestInformed', data: { customerId, reason: 'a' } }, leadStatusChanged('new', 'no_sale')])
        .when({ type: 'InformDisinterest', customerId, reason: 'b' })
        .then([{ type: 'DisinterestInformed', data: { customerId, reason: 'b' } }]);
    });

    it('requires a reason of at most 1000 characters', () => {
      spec.given([registered()]).when({ type: 'InformDisinterest', customerId, reason: ' \n ' }).thenThrows({ kind: 'invalid', field: 'reason' });
      spec.given([registered()]).when({ type: 'InformDisinterest', customerId, reason: 'x'.repeat(1001) }).thenThrows({ kind: 'invalid', field: 'reason' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'InformDisinterest', customerId, reason: 'x' }).thenThrows({ kind: 'not_found' });
    });
  });

  describe('AddComment', () => {
    const commentId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

    it('adds the comment with its id', () => {
      spec
        .given([registered()])
        .when({ type: 'AddComment', customerId, commentId, text: 'Ligou pedindo a planta.' })
        .then([{ type: 'CommentAdded', data: { customerId, commentId, text: 'Ligou pedindo a planta.' } }]);
    });

    it('accepts exactly 4000 characters and refuses 4001 or a blank text', () => {
      spec
        .given([registered()])
        .when({ type: 'AddComment', customerId, commentId, text: 'x'.repeat(4000) })
        .then([{ type: 'CommentAdded', data: { customerId, commentId, text: 'x'.repeat(4000) } }]);
      spec.given([registered()]).when({ type: 'AddComment', customerId, commentId, text: 'x'.repeat(4001) }).thenThrows({ kind: 'invalid', field: 'text' });
      spec.given([registered()]).when({ type: 'AddComment', customerId, commentId, text: '' }).thenThrows({ kind: 'invalid', field: 'text' });
    });

    it('answers not found for an unknown customer', () => {
      spec.given([]).when({ type: 'AddComment', customerId, commentId, text: 'x' }).thenThrows({ kind: 'not_found' });
    });
  });
});
