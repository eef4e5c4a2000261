/** A filter, update or sort outside the documented subset. */
export class UnsupportedQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedQueryError';
  }
}

/** A write would break a unique index. */
export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, message: string) {
    super(message);
    this.name = 'DuplicateKeyError';
  }
}

/** An update the stored data refuses: `$inc` of a non-number, `$push` onto a non-array, `$set` through a scalar. */
export class InvalidUpdateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidUpdateError';
  }
}
