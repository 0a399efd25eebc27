import { Module } from '@nestjs/common';

// Wired into the app now; the chat issue fills it.
@Module({})
export class ChatModule {}
