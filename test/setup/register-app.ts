import 'reflect-metadata';
import { registerAppFactory } from '@switchboard/testing';

// Lazy: only suites that boot the app pay for loading it.
registerAppFactory(async (config, clock) => {
  const { AppModule } = await import('../../apps/api/src/app.module.js');
  return AppModule.forRoot(config, clock);
});
