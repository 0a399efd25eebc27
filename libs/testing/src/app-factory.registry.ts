import type { DynamicModule } from '@nestjs/common';
import type { AppConfig, Clock } from '@switchboard/core';

export type AppModuleFactory = (config: AppConfig, clock: Clock) => DynamicModule | Promise<DynamicModule>;

let factory: AppModuleFactory | undefined;

/**
 * The composition root lives in apps/api, which libs may not import; the test setup file
 * (test/setup/register-app.ts) registers it here instead.
 */
export function registerAppFactory(f: AppModuleFactory): void {
  factory = f;
}

export function appFactory(): AppModuleFactory {
  if (!factory) throw new Error('No app factory registered: add test/setup/register-app.ts to jest setupFiles');
  return factory;
}
