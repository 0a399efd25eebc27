import { Module } from '@nestjs/common';
import { TicketsModule } from '@switchboard/tickets';
import { SentimentRecomputeService } from './sentiment/sentiment-recompute.service.js';

// Sentiment (#17) here; Compose with AI is added alongside by its own change.
@Module({
  imports: [TicketsModule],
  providers: [SentimentRecomputeService],
})
export class AiComposeModule {}
