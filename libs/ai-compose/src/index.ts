export { AiComposeModule } from './ai-compose.module.js';
export { SentimentRecomputeService, SENTIMENT_MESSAGES } from './sentiment/sentiment-recompute.service.js';
