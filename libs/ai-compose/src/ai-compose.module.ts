import { Module } from '@nestjs/common';
import { TicketsModule } from '@switchboard/tickets';
import { ComposeController } from './compose/compose.controller.js';
import { ComposeService } from './compose/compose.service.js';
import { SentimentRecomputeService } from './sentiment/sentiment-recompute.service.js';

/** The AI features over the core's AI ports (providers come from plugins): sentiment and Compose with AI (#17). */
@Module({
  imports: [TicketsModule],
  controllers: [ComposeController],
  providers: [SentimentRecomputeService, ComposeService],
})
export class AiComposeModule {}
