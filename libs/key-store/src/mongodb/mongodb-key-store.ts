import { MongoClient, type Collection, type Db } from 'mongodb';
import { KeyDestroyedError, type KeyStore } from '../key-store.port';
import { newDataKey } from '../new-data-key';

export const DATA_KEYS_COLLECTION = 'data_keys';

interface KeyDocument {
  _id: string;
  /** Base64; absent once destroyed. */
  key?: string;
  destroyedAt?: string;
}

/**
 * Keys in the `data_keys` collection. In production the keys would rather be wrapped by a KMS
 * (README "Personal data and erasure"); the document then holds the wrapped key.
 */
export class MongoKeyStore implements KeyStore {
  private readonly client: MongoClient;
  private readonly ownsClient: boolean;
  private readonly db: Db;

  constructor(source: MongoClient | string, dbName?: string) {
    this.ownsClient = typeof source === 'string';
    this.client = typeof source === 'string' ? new MongoClient(source) : source;
    this.db = this.client.db(dbName);
  }

  async keyFor(subjectId: string): Promise<Buffer> {
    const created = newDataKey();
    // An upsert that only sets the key on insert: concurrent callers end with the same key.
    await this.keys().updateOne({ _id: subjectId }, { $setOnInsert: { key: created.toString('base64') } }, { upsert: true });
    created.fill(0);
    const doc = await this.keys().findOne({ _id: subjectId });
    if (!doc?.key) throw new KeyDestroyedError(subjectId);
    return Buffer.from(doc.key, 'base64');
  }

  async existingKey(subjectId: string): Promise<Buffer | undefined> {
    const doc = await this.keys().findOne({ _id: subjectId });
    return doc?.key ? Buffer.from(doc.key, 'base64') : undefined;
  }

  async destroy(subjectId: string): Promise<void> {
    await this.keys().updateOne(
      { _id: subjectId },
      { $unset: { key: '' }, $set: { destroyedAt: new Date().toISOString() } },
      { upsert: true },
    );
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    const doc = await this.keys().findOne({ _id: subjectId });
    return doc !== null && doc.key === undefined;
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }

  private keys(): Collection<KeyDocument> {
    return this.db.collection<KeyDocument>(DATA_KEYS_COLLECTION);
  }
}
