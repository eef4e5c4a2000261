import { MESSAGE_TEMPLATE_NAMES_STREAM_ID, messageTemplateStreamId } from '@trilha/domain';
import type { RecordedEvent } from '@trilha/event-store';
import { MESSAGE_TEMPLATES_COLLECTION, MESSAGE_TEMPLATES_SORT, messageTemplatesProjection, type MessageTemplateDocument } from '@trilha/projections/message-templates';
import { projectionInMemory } from '../../test-support/projection-in-memory';
import { recordStory, type Story } from '../../test-support/record-story';

const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';
const c = '33333333-3333-4333-8333-333333333333';
const ghost = '44444444-4444-4444-8444-444444444444';
const manager = { id: 'm1', role: 'manager', name: 'Marta', kind: 'user' as const };
const minute = (n: number) => new Date(Date.UTC(2026, 2, 10, 9, n)).toISOString();
const names = MESSAGE_TEMPLATE_NAMES_STREAM_ID;

/**
 * Three templates: A renamed and its body changed, B deleted (its name then taken by C), and a
 * ghost whose name was claimed but which was never created (its creation abandoned).
 */
const STORY: Story = [
  [names, { type: 'MessageTemplateNameClaimed', data: { templateId: a, name: 'Boas-vindas' } }],
  [messageTemplateStreamId(a), { type: 'MessageTemplateCreated', data: { templateId: a, body: 'Olá #{contato}' } }],
  [names, { type: 'MessageTemplateNameClaimed', data: { templateId: b, name: 'Retorno' } }],
  [messageTemplateStreamId(b), { type: 'MessageTemplateCreated', data: { templateId: b, body: 'Retorno #{cliente}' } }],
  [names, { type: 'MessageTemplateNameClaimed', data: { templateId: ghost, name: 'Fantasma' } }],
  [names, { type: 'MessageTemplateNameClaimed', data: { templateId: a, name: 'Abertura', previousName: 'Boas-vindas' } }],
  [messageTemplateStreamId(a), { type: 'MessageTemplateBodyChanged', data: { templateId: a, body: 'Olá #{contato}, tudo bem?' } }],
  [messageTemplateStreamId(b), { type: 'MessageTemplateDeleted', data: { templateId: b } }],
  [names, { type: 'MessageTemplateNameReleased', data: { templateId: b, name: 'Retorno' } }],
  [messageTemplateStreamId(ghost), { type: 'MessageTemplateCreationAbandoned', data: { templateId: ghost, takenOverBy: c } }],
  [names, { type: 'MessageTemplateNameClaimed', data: { templateId: c, name: 'Fantasma', takenOverFrom: ghost } }],
  [messageTemplateStreamId(c), { type: 'MessageTemplateCreated', data: { templateId: c, body: 'Até #{proximo_contato}' } }],
];

function record(): Promise<RecordedEvent[]> {
  return recordStory([...STORY, ['followup-x', { type: 'FollowUpResolvedByCall', data: { followUpId: 'x' } }]], messageTemplatesProjection.filter, (i) => ({ occurredAt: minute(i), actor: manager }));
}

describe('message templates projection (CAL4)', () => {
  const projection = projectionInMemory(messageTemplatesProjection);
  let events: RecordedEvent[];

  beforeEach(async () => {
    events = await record();
  });

  const collection = () => projection.readStore.collection<MessageTemplateDocument>(MESSAGE_TEMPLATES_COLLECTION);
  const live = async () => (await collection().find({ live: true }, { sort: { ...MESSAGE_TEMPLATES_SORT } })).map(({ _id, name, body, createdAt, updatedAt }) => ({ _id, name, body, createdAt, updatedAt }));

  it('subscribes to the names claimed and the templates’ own events, not to released names, abandoned creations or follow-ups', () => {
    expect(events.map((e) => e.type)).toEqual([
      'MessageTemplateNameClaimed',
      'MessageTemplateCreated',
      'MessageTemplateNameClaimed',
      'MessageTemplateCreated',
      'MessageTemplateNameClaimed',
      'MessageTemplateNameClaimed',
      'MessageTemplateBodyChanged',
      'MessageTemplateDeleted',
      'MessageTemplateNameClaimed',
      'MessageTemplateCreated',
    ]);
  });

  it('lists the live templates by name, with the current name and body and when they last changed', async () => {
    await projection.feed(events);
    expect(await live()).toEqual([
      { _id: a, name: 'Abertura', body: 'Olá #{contato}, tudo bem?', createdAt: minute(1), updatedAt: minute(6) },
      { _id: c, name: 'Fantasma', body: 'Até #{proximo_contato}', createdAt: minute(11), updatedAt: minute(11) },
    ]);
  });

  it('keeps a deleted template out of the list, and a name claimed for a template never created', async () => {
    await projection.feed(events);
    const all = await collection().find({});
    expect(all.find((d) => d._id === b)).toMatchObject({ live: false, name: 'Retorno' });
    expect(all.find((d) => d._id === ghost)).toEqual(expect.objectContaining({ name: 'Fantasma' }));
    expect(all.find((d) => d._id === ghost)?.live).toBeUndefined();
  });

  it('gives the same read model when the same events are fed twice, whole or one by one', async () => {
    await projection.feed(events);
    const once = await collection().find({}, { sort: { _id: 1 } });
    await projection.feed(events);
    for (const event of events) await projection.feed([event]);
    expect(await collection().find({}, { sort: { _id: 1 } })).toEqual(once);
    await projection.reset();
    for (const event of events) await projection.feed([event]);
    expect(await collection().find({}, { sort: { _id: 1 } })).toEqual(once);
  });
});
