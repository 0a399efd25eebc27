import { DomainError } from './domain.error.js';

export type FieldErrors = Record<string, string[]>;

export class ValidationFailedError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super('VALIDATION_FAILED', message, 400, { fieldErrors });
  }
}
