export { CasesModule } from './cases.module.js';
export { CASE_ENTITIES } from './entities/index.js';
export { CaseService } from './services/case.service.js';
export type { CaseView } from './case.views.js';
