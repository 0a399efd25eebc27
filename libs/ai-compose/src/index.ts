export { AiComposeModule } from './ai-compose.module.js';
