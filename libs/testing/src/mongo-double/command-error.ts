import type { Document } from 'bson';

/** Server error codes the double answers with (names as in MongoDB's error_codes.yml). */
export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  WriteConflict: 112,
  CannotIndexParallelArrays: 171,
  NoSuchTransaction: 251,
  OperationNotSupportedInTransaction: 263,
  DuplicateKey: 11000,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

/** A command failure: answered as `{ok: 0, errmsg, code, codeName, errorLabels?}`. */
export class CommandError extends Error {
  readonly code: number;

  constructor(
    readonly codeName: ErrorCodeName,
    message: string,
    readonly extra: Document = {},
    readonly errorLabels: string[] = [],
  ) {
    super(message);
    this.code = ErrorCode[codeName];
  }

  toReply(): Document {
    return {
      ok: 0,
      errmsg: this.message,
      code: this.code,
      codeName: this.codeName,
      ...this.extra,
      ...(this.errorLabels.length > 0 ? { errorLabels: this.errorLabels } : {}),
    };
  }
}

/** The write error entry of an insert/update/delete reply for `error` at `index`. */
export function writeErrorEntry(index: number, error: CommandError): Document {
  return { index, code: error.code, errmsg: error.message, ...error.extra };
}
