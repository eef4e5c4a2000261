import { MongoKeyStore } from '../src';
import { startMongoDbDouble, type MongoDbDouble } from '@trilha/testing/mongo-double';
import { describeKeyStoreContract } from './key-store.contract';

/** Over the wire against the MongoDB test double, and a real server when MONGO_URL is set. */
describeMongoKeyStore('MongoDB wire double', async () => startMongoDbDouble());
const mongoUrl = process.env.MONGO_URL;
if (mongoUrl) describeMongoKeyStore('MongoDB', async () => ({ url: mongoUrl, stop: async () => undefined }));

function describeMongoKeyStore(label: string, server: () => Promise<MongoDbDouble>): void {
  describe(label, () => {
    let url: string;
    let stop: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ url, stop } = await server());
    });
    afterAll(async () => {
      await stop?.();
    });
    describeKeyStoreContract(label, async () => new MongoKeyStore(url, process.env.MONGO_TEST_DB ?? 'trilha_contract'));
  });
}
