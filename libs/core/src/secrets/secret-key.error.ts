/** A stored secret cannot be read with the configured keys: a start error, never silent garbage. */
export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}
