/**
 * The claims of tokens whose signature and header were already checked, by the token's exact
 * text, so that a client sending the same bearer token on every request costs one HMAC, not one
 * per request. Only the signature check is skipped: the time claims (exp, nbf) and the others are
 * checked again on every use. Bounded: when full, it starts over.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Record<string, unknown>>();

  constructor(private readonly maxTokens = 1_000) {}

  get size(): number {
    return this.entries.size;
  }

  claimsOf(token: string): Record<string, unknown> | undefined {
    return this.entries.get(token);
  }

  remember(token: string, claims: Record<string, unknown>): void {
    if (this.entries.size >= this.maxTokens) this.entries.clear();
    this.entries.set(token, claims);
  }
}
