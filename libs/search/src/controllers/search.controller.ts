import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountPrincipal, CurrentAccount } from '@switchboard/core';
import { SearchQueryDto } from '../dto/search-query.dto.js';
import { SearchResultsDto } from '../dto/search-results.dto.js';
import { SearchService } from '../services/search.service.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search')
export class SearchController {
  constructor(private readonly searches: SearchService) {}

  /** Tickets, contacts and conversations matching `q`, within the viewer's companies (#20). */
  @Get()
  @ApiOkResponse({ type: SearchResultsDto })
  search(@Query() query: SearchQueryDto, @CurrentAccount() me: AccountPrincipal): Promise<SearchResultsDto> {
    return this.searches.search(query, me);
  }
}
