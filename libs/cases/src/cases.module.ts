import { Module } from '@nestjs/common';

// Wired into the app now; the cases issue fills it.
@Module({})
export class CasesModule {}
