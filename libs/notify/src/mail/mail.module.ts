import { Global, Module } from '@nestjs/common';
import { MailDelivery } from './mail-delivery.service.js';
import { MailPort } from './mail.port.js';
import { OutboxMailPort } from './outbox-mail.port.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';

@Global()
@Module({
  controllers: [OutboxController],
  providers: [OutboxRepository, OutboxService, MailDelivery, { provide: MailPort, useClass: OutboxMailPort }],
  exports: [MailPort, OutboxService],
})
export class MailModule {}
