import { InMemoryEventStore } from '@trilha/event-store';
import { describeEventStoreContract } from '@trilha/testing';

describeEventStoreContract('InMemoryEventStore', async () => new InMemoryEventStore());
