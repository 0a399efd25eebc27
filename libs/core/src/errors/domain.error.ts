/**
 * Base of every expected failure. The HTTP filter and the socket ack turn it into
 * `{ statusCode, error: code, message, details }`, so clients can branch on `error`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
