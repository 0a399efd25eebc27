import { Module } from '@nestjs/common';

// Wired into the app now; the ai-compose issue fills it.
@Module({})
export class AiComposeModule {}
