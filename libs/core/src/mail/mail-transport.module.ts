import { Global, Module } from '@nestjs/common';
import { MailTransportRegistry } from './mail-transport.registry.js';

/**
 * The kernel keeps only the mail port: the plugin host fills the registry with the email
 * plugin's transport, and the outbox (libs/notify, a floor up) delivers through it.
 */
@Global()
@Module({
  providers: [MailTransportRegistry],
  exports: [MailTransportRegistry],
})
export class MailTransportModule {}
