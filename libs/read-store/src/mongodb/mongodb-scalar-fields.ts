import type { Collection as MongoCollection, Db, Document as MongoDocument, Filter as MongoFilter } from 'mongodb';
import { UnsupportedQueryError } from '../errors';
import { splitPath } from '../query';

const NO_FIELDS: readonly string[] = Object.freeze([]);

/** Where the declarations are kept: one document per collection, `{_id: collection, fields}`. */
export const SCALAR_FIELDS_COLLECTION = '_trilha_scalar_fields';

/**
 * The scalar fields declared (`ensureCollection`), by collection. MongoDB answers every query
 * with its own array semantics whatever is declared, so a declaration only makes this adapter
 * refuse the same writes as the SQLite one. A store checks the writes of the collections it has
 * ensured (a projector ensures its collections before it writes). Declarations are kept in the
 * database, as the SQLite catalogue keeps them, so a field is checked against the stored
 * documents once, when first declared, not at every start of every process.
 */
export class MongoScalarFields {
  private readonly declared = new Map<string, readonly string[]>();
  private readonly stored: MongoCollection<{ _id: string; fields: string[] }>;

  constructor(private readonly db: Db) {
    this.stored = db.collection(SCALAR_FIELDS_COLLECTION);
  }

  of(collection: string): readonly string[] {
    return this.declared.get(collection) ?? NO_FIELDS;
  }

  /**
   * Adds `fields` to the collection's declaration. Fields not declared before are first
   * checked against the stored documents (one query; a scan when the collection is large), as
   * the SQLite adapter checks a field its catalogue did not hold.
   */
  async declare(collection: string, fields: readonly string[]): Promise<void> {
    const known = this.declared.get(collection) ?? (await this.stored.findOne({ _id: collection }))?.fields ?? NO_FIELDS;
    const added = fields.filter((field) => !known.includes(field));
    if (added.length === 0) {
      if (known.length > 0) this.declared.set(collection, Object.freeze([...known]));
      return;
    }
    for (const field of added) {
      const offending = await this.db.collection(collection).findOne(nonScalarFilter(field), { projection: { _id: 1 } });
      if (offending) {
        throw new UnsupportedQueryError(
          `collection '${collection}': cannot declare field '${field}' scalar: document '${String(offending._id)}' holds an array or object there (rebuild into a new generation, or leave it undeclared)`,
        );
      }
    }
    await this.stored.updateOne({ _id: collection }, { $addToSet: { fields: { $each: added } } }, { upsert: true });
    this.declared.set(collection, Object.freeze([...known, ...added]));
  }

  /** The collection was dropped: so is its declaration. */
  async forget(collection: string): Promise<void> {
    this.declared.delete(collection);
    await this.stored.deleteOne({ _id: collection });
  }
}

/** Documents where `field` holds an array or an object, or sits under an array. */
function nonScalarFilter(field: string): MongoFilter<MongoDocument> {
  const segments = splitPath(field);
  const above = segments.slice(0, -1).map((_, i) => ({ [segments.slice(0, i + 1).join('.')]: { $type: 'array' } }));
  return { $or: [{ [field]: { $type: ['array', 'object'] } }, ...above] } as MongoFilter<MongoDocument>;
}
