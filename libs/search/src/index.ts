export { SearchModule } from './search.module.js';
export { SearchService } from './services/search.service.js';
export { SearchQueryDto, SEARCH_MAX_LENGTH, SEARCH_MAX_LIMIT } from './dto/search-query.dto.js';
