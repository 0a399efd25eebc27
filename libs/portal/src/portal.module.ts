import { Module } from '@nestjs/common';

// Wired into the app now; the portal issue fills it.
@Module({})
export class PortalModule {}
