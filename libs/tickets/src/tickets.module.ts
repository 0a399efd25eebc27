import { Module } from '@nestjs/common';

// Wired into the app now; the tickets issue fills it.
@Module({})
export class TicketsModule {}
