import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { ContactLanguageService } from './contact-language.service.js';
import { SettingRepository } from './setting.repository.js';
import { SettingsController } from './settings.controller.js';
import { SettingsRegistry } from './settings.registry.js';
import { SettingsService } from './settings.service.js';

@Global()
@Module({
  imports: [IdentityModule],
  controllers: [SettingsController],
  providers: [SettingsRegistry, SettingRepository, SettingsService, ContactLanguageService],
  exports: [SettingsRegistry, SettingsService, ContactLanguageService],
})
export class SettingsModule {}
