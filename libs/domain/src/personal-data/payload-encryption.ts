import { PERSONAL_FIELDS, personalDataSubject, type PersonalPath } from './personal-fields';
import { decryptValue, encryptedSubject, encryptedText, encryptValue, isEncryptedValue, parseEncryptedValue } from './value-cipher';

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
  const subjects = encryptedSubjectsOf(data);
  if (subjects.size === 0) return data;
  const keys = new Map<string, Buffer | undefined>();
  for (const subject of subjects) keys.set(subject, await keyOf(subject));
  return decryptPayloadWith(data, keys);
}

/** The subjects whose keys decrypting `data` needs; empty when nothing in it is encrypted. */
export function encryptedSubjectsOf(data: Json): Set<string> {
  const subjects = new Set<string>();
  collectSubjects(data, subjects);
  return subjects;
}

function collectSubjects(value: unknown, subjects: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  const enc = encryptedText(value);
  if (enc !== undefined) {
    subjects.add(encryptedSubject(enc));
  } else if (Array.isArray(value)) {
    for (const item of value) collectSubjects(item, subjects);
  } else {
    for (const key in value) collectSubjects((value as Json)[key], subjects);
  }
}

/**
 * `decryptPayload` with the keys already at hand (every subject of `encryptedSubjectsOf`, a
 * missing or undefined key meaning erased). Synchronous: a read of many events decrypts without
 * a promise per value. Objects holding no ciphertext are kept as they are, not copied.
 */
export function decryptPayloadWith(data: Json, keys: ReadonlyMap<string, Buffer | undefined>): Json {
  return decryptValueIn(data, keys) as Json;
}

function decryptValueIn(value: unknown, keys: ReadonlyMap<string, Buffer | undefined>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const enc = encryptedText(value);
  if (enc !== undefined) {
    const envelope = parseEncryptedValue({ $enc: enc });
    return decryptValue(keys.get(envelope.subject), envelope);
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const decrypted = decryptValueIn(value[i], keys);
      if (decrypted !== value[i]) (copy ??= value.slice())[i] = decrypted;
    }
    return copy ?? value;
  }
  let copy: Json | undefined;
  for (const key in value) {
    const item = (value as Json)[key];
    const decrypted = decryptValueIn(item, keys);
    if (decrypted !== item) (copy ??= { ...(value as Json) })[key] = decrypted;
  }
  return copy ?? value;
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
