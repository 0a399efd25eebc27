import { Global, Module } from '@nestjs/common';
import { MailDelivery } from './mail-delivery.service.js';
import { MailPort } from './mail.port.js';
import { OutboxMailPort } from './outbox-mail.port.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxPresenter } from './outbox-presenter.service.js';
import { OutboxService } from './outbox.service.js';

@Global()
@Module({
  controllers: [OutboxController],
  providers: [
    OutboxRepository,
    OutboxService,
    OutboxPresenter,
    MailDelivery,
    { provide: MailPort, useClass: OutboxMailPort },
  ],
  exports: [MailPort, OutboxService],
})
export class MailModule {}
