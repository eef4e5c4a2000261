import { PERSONAL_FIELDS, personalDataSubject, type PersonalPath } from './personal-fields';
import { decryptValue, encryptValue, isEncryptedValue, parseEncryptedValue } from './value-cipher';

type Json = Record<string, unknown>;

/** Whether events of this type carry personal data, i.e. appending them needs the customer's key. */
export function hasPersonalFields(type: string): boolean {
  return (PERSONAL_FIELDS[type]?.length ?? 0) > 0;
}

/**
 * The payload with its personal values (PERSONAL_FIELDS) replaced by ciphertexts under the
 * subject's key. `keyFor` is only called when there is something to encrypt.
 */
export async function encryptPayload(type: string, data: Json, keyFor: (subject: string) => Promise<Buffer>): Promise<Json> {
  const paths = PERSONAL_FIELDS[type];
  if (!paths?.length) return data;
  const subject = personalDataSubject(data);
  if (!subject) throw new Error(`${type} has personal fields but no customerId to key them by`);
  let key: Buffer | undefined;
  const copy = structuredClone(data);
  for (const { path, where } of paths) {
    for (const [holder, field] of holdersOf(copy, path, where)) {
      if (holder[field] === undefined || isEncryptedValue(holder[field])) continue;
      key ??= await keyFor(subject);
      holder[field] = encryptValue(key, subject, holder[field]);
    }
  }
  return copy;
}

/**
 * The payload with every ciphertext in it replaced by its value, or by a placeholder when the
 * subject's key is gone. Generic: it needs no table, so it reads any stored schema version.
 */
export async function decryptPayload(data: Json, keyOf: (subject: string) => Promise<Buffer | undefined>): Promise<Json> {
  if (!containsEncrypted(data)) return data;
  const keys = new Map<string, Buffer | undefined>();
  const visit = async (value: unknown): Promise<unknown> => {
    if (isEncryptedValue(value)) {
      const envelope = parseEncryptedValue(value);
      if (!keys.has(envelope.subject)) keys.set(envelope.subject, await keyOf(envelope.subject));
      return decryptValue(keys.get(envelope.subject), envelope);
    }
    if (Array.isArray(value)) return Promise.all(value.map(visit));
    if (typeof value === 'object' && value !== null) {
      const out: Json = {};
      for (const [k, v] of Object.entries(value)) out[k] = await visit(v);
      return out;
    }
    return value;
  };
  return (await visit(data)) as Json;
}

export function containsEncrypted(value: unknown): boolean {
  if (isEncryptedValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsEncrypted);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(containsEncrypted);
  return false;
}

/** [object, key] pairs that `path` names in `data` (only objects that exist). */
function holdersOf(data: Json, path: string, where: PersonalPath['where']): Array<[Json, string]> {
  const [head, ...rest] = path.split('.');
  const isArray = head.endsWith('[]');
  const name = isArray ? head.slice(0, -2) : head;
  if (rest.length === 0 && !isArray) return [[data, name]];
  const next = data[name];
  if (isArray) {
    if (!Array.isArray(next)) return [];
    return next
      .filter((e): e is Json => typeof e === 'object' && e !== null && (!where || where(e as Json)))
      .flatMap((e) => holdersOf(e, rest.join('.'), undefined));
  }
  if (typeof next !== 'object' || next === null || Array.isArray(next)) return [];
  return holdersOf(next as Json, rest.join('.'), where);
}
