/** What an erased text reads as, everywhere (API, read models, audit). */
export const ERASED_TEXT = '[dado removido]';

/** What an erased value reads as, by the JSON type it had: text, list or object. */
export function erasedValue(kind: EncryptedKind): unknown {
  switch (kind) {
    case 's':
      return ERASED_TEXT;
    case 'a':
      return [];
    case 'o':
      return {};
    default:
      return null;
  }
}

/** The JSON type of an encrypted value, kept in clear so that its placeholder has the same type. */
export type EncryptedKind = 's' | 'a' | 'o' | 'j';
