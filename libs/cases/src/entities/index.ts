import { CaseSeenMarkEntity } from './case-seen-mark.entity.js';
import { CaseEntity } from './case.entity.js';

export { CaseEntity, CaseSeenMarkEntity };

/** The cases lib's tables; the app adds them to its schema. */
export const CASE_ENTITIES = [CaseEntity, CaseSeenMarkEntity];
