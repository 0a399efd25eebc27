export { AiComposeModule } from './ai-compose.module.js';
export { SentimentRecomputeService, SENTIMENT_MESSAGES } from './sentiment/sentiment-recompute.service.js';
export { ComposeService, COMPOSE_MESSAGES, COMPOSE_RATE } from './compose/compose.service.js';
export { PromptPlaceholders } from './compose/prompt-placeholders.js';
