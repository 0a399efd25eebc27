import { Module } from '@nestjs/common';
import { MeAgentStateController } from './controllers/me-agent-state.controller.js';
import { QueuesController } from './controllers/queues.controller.js';
import { WrapUpReasonsController } from './controllers/wrap-up-reasons.controller.js';
import { AgentStateRepository } from './repositories/agent-state.repository.js';
import { QueueRepository } from './repositories/queue.repository.js';
import { WrapUpReasonRepository } from './repositories/wrap-up-reason.repository.js';
import { ChatAvailability } from './services/chat-availability.service.js';
import { AgentPicker } from './services/agent-picker.service.js';
import { AgentAvailabilitySync } from './services/agent-availability-sync.service.js';
import { AgentStateService } from './services/agent-state.service.js';
import { QueueService } from './services/queue.service.js';
import { WrapUpReasonService } from './services/wrap-up-reason.service.js';

/** The contact centre: queues, agent states, wrap-up reasons (offers and RONA build on these). */
@Module({
  controllers: [QueuesController, WrapUpReasonsController, MeAgentStateController],
  providers: [
    QueueRepository,
    WrapUpReasonRepository,
    AgentStateRepository,
    QueueService,
    WrapUpReasonService,
    AgentStateService,
    AgentAvailabilitySync,
    AgentPicker,
    ChatAvailability,
  ],
  exports: [QueueService, WrapUpReasonService, AgentStateService, AgentPicker, ChatAvailability],
})
export class RoutingModule {}
