import { DomainError } from './domain.error.js';

export class ConflictError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', message, 409, details);
  }
}
