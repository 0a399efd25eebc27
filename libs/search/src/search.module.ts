import { Module } from '@nestjs/common';
import { SearchController } from './controllers/search.controller.js';
import { SearchRepository } from './repositories/search.repository.js';
import { SearchService } from './services/search.service.js';

/** The global search over the full-text indexes of tickets, comments, contacts and chat messages (#20). */
@Module({
  controllers: [SearchController],
  providers: [SearchRepository, SearchService],
})
export class SearchModule {}
