import type { IndexSpec } from '../read-store.port';

/**
 * SQL text for collection tables, indexes and document fields. Names and paths are validated
 * (assertCollectionName, assertFieldPath) before they get here, so they hold no quotes; paths
 * are embedded as literals because SQLite only uses an expression index when the query repeats
 * the indexed expression exactly.
 */
export function tableName(collection: string): string {
  return `"rs_${collection}"`;
}

export function indexName(collection: string, index: IndexSpec): string {
  const fields = Object.entries(index.fields).map(([path, dir]) => `${path}_${dir}`).join('_');
  return `"rsx_${collection}__${fields}${index.unique ? '__unique' : ''}"`;
}

/** `$."a"."b"` for `a.b`. */
export function jsonPath(path: string): string {
  return '$' + path.split('.').map((segment) => `."${segment}"`).join('');
}

/** The SQL value of a field: `json_extract` (booleans read as 1/0), or the `id` column for `_id`. */
export function valueSql(path: string): string {
  return path === '_id' ? 'id' : `json_extract(doc, '${jsonPath(path)}')`;
}

/** The JSON type of a field ('text', 'integer', 'real', 'true', 'false', 'null', 'array', 'object'; NULL when missing). */
export function typeSql(path: string): string {
  return path === '_id' ? `'text'` : `json_type(doc, '${jsonPath(path)}')`;
}
