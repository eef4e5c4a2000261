export type InvalidTokenReason = 'malformed' | 'unsupported-algorithm' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'invalid-claims';

/** Why a token was refused; the message is safe to show to the client. */
export class InvalidTokenError extends Error {
  constructor(readonly reason: InvalidTokenReason, message: string) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}
