import { DomainError } from './domain.error.js';

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string | number) {
    super('NOT_FOUND', `${entity} ${id} not found`, 404, { entity, id });
  }
}
