import { Injectable, OnModuleInit } from '@nestjs/common';
import { ContactAcceptanceRegistry } from '@switchboard/routing';
import { CaseService } from './case.service.js';

/**
 * An agent accepted a queue offer: the case is assigned to them exactly as "Assign to me" does
 * (owner participant, case Assigned, chat active), so the case pane and `conversation.send` work.
 */
@Injectable()
export class CaseContactAcceptance implements OnModuleInit {
  constructor(
    private readonly registry: ContactAcceptanceRegistry,
    private readonly cases: CaseService,
  ) {}

  onModuleInit(): void {
    this.registry.register(async (conversationId, agent) => {
      await this.cases.assign(conversationId, agent);
    });
  }
}
