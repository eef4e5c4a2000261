/** A document read (or created) by `_id` in the current transaction and kept parsed until its end. */
export interface PendingDocument {
  collection: string;
  doc: Record<string, unknown>;
  /** The JSON the table holds for it; undefined for a document the transaction creates. */
  stored: string | undefined;
  changed: boolean;
}

/**
 * The documents of a transaction's by-`_id` updates, per table. A batch of projection writes
 * often updates one document many times (each event of a customer updates its detail): it is
 * parsed once, updated in memory, and stringified and written once, when the table is next
 * touched by SQL or the transaction ends.
 */
export class PendingDocuments {
  private readonly tables = new Map<string, Map<string, PendingDocument>>();

  get(table: string, id: string): PendingDocument | undefined {
    return this.tables.get(table)?.get(id);
  }

  add(table: string, id: string, pending: PendingDocument): void {
    let documents = this.tables.get(table);
    if (!documents) this.tables.set(table, (documents = new Map()));
    documents.set(id, pending);
  }

  /** Removes and returns the table's documents (none when it has none). */
  take(table: string): Map<string, PendingDocument> | undefined {
    const documents = this.tables.get(table);
    this.tables.delete(table);
    return documents;
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  clear(): void {
    this.tables.clear();
  }
}
