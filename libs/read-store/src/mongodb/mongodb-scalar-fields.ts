import type { Db, Document as MongoDocument, Filter as MongoFilter } from 'mongodb';
import { UnsupportedQueryError } from '../errors';
import { splitPath } from '../query';

const NO_FIELDS: readonly string[] = Object.freeze([]);

/**
 * The scalar fields declared through this store (`ensureCollection`), by collection. MongoDB
 * answers every query with its own array semantics whatever is declared, so a declaration only
 * makes this adapter refuse the same writes as the SQLite one; it lives in memory, and a store
 * checks the writes of the collections it has ensured (a projector ensures its collections
 * before it writes).
 */
export class MongoScalarFields {
  private readonly declared = new Map<string, readonly string[]>();

  constructor(private readonly db: Db) {}

  of(collection: string): readonly string[] {
    return this.declared.get(collection) ?? NO_FIELDS;
  }

  /**
   * Adds `fields` to the collection's declaration. Fields this store had not declared yet are
   * first checked against the stored documents (one query; a scan when the collection is
   * large), as the SQLite adapter checks a field its catalogue did not hold.
   */
  async declare(collection: string, fields: readonly string[]): Promise<void> {
    const known = this.of(collection);
    const added = fields.filter((field) => !known.includes(field));
    if (added.length === 0) return;
    for (const field of added) {
      const offending = await this.db.collection(collection).findOne(nonScalarFilter(field), { projection: { _id: 1 } });
      if (offending) {
        throw new UnsupportedQueryError(
          `collection '${collection}': cannot declare field '${field}' scalar: document '${String(offending._id)}' holds an array or object there (rebuild into a new generation, or leave it undeclared)`,
        );
      }
    }
    this.declared.set(collection, Object.freeze([...known, ...added]));
  }

  forget(collection: string): void {
    this.declared.delete(collection);
  }
}

/** Documents where `field` holds an array or an object, or sits under an array. */
function nonScalarFilter(field: string): MongoFilter<MongoDocument> {
  const segments = splitPath(field);
  const above = segments.slice(0, -1).map((_, i) => ({ [segments.slice(0, i + 1).join('.')]: { $type: 'array' } }));
  return { $or: [{ [field]: { $type: ['array', 'object'] } }, ...above] } as MongoFilter<MongoDocument>;
}
