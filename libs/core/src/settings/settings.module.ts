import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { SettingRepository } from './setting.repository.js';
import { SettingsController } from './settings.controller.js';
import { SettingsRegistry } from './settings.registry.js';
import { SettingsService } from './settings.service.js';

@Global()
@Module({
  imports: [IdentityModule],
  controllers: [SettingsController],
  providers: [SettingsRegistry, SettingRepository, SettingsService],
  exports: [SettingsRegistry, SettingsService],
})
export class SettingsModule {}
