import { SqliteReadStore } from '@trilha/read-store';
import { describeReadStoreContract } from '@trilha/testing';

describeReadStoreContract('SQLite in memory', async () => new SqliteReadStore(':memory:'));
