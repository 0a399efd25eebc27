import { StoredFileEntity } from './stored-file.entity.js';

/** The files folder's tables. */
export const FILES_ENTITIES = [StoredFileEntity];
