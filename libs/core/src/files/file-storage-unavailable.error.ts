import { DomainError } from '../errors/domain.error.js';

/** The object store did not answer or refused: an outside outage, reported like other unavailable dependencies (503). */
export class FileStorageUnavailableError extends DomainError {
  constructor(override readonly cause: unknown) {
    super('FILE_STORAGE_UNAVAILABLE', 'The file storage is unavailable; try again later', 503);
  }
}
