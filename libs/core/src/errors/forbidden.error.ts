import { DomainError } from './domain.error.js';

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have access to this resource') {
    super('FORBIDDEN', message, 403);
  }
}
