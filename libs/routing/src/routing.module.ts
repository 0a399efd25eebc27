import { Module } from '@nestjs/common';
import { ChatModule } from '@switchboard/chat';
import { CONFERENCE_CONTROLLERS, CONFERENCE_PROVIDERS } from './conference/conference.providers.js';
import { ContactAcceptanceRegistry } from './offers/contact-acceptance.registry.js';
import { ContactExitService } from './offers/contact-exit.service.js';
import { ContactQueueService } from './offers/contact-queue.service.js';
import { ContactWithdrawalListener } from './offers/contact-withdrawal.listener.js';
import { OfferAnnouncer } from './offers/offer-announcer.service.js';
import { OfferDispatcher } from './offers/offer-dispatcher.service.js';
import { OfferResponseService } from './offers/offer-response.service.js';
import { QueuePositionService } from './offers/queue-position.service.js';
import { RoutingMaxWaitTimer } from './offers/routing-max-wait.timer.js';
import { RoutingOfferTimer } from './offers/routing-offer.timer.js';
import { ContactOfferGateway } from './realtime/contact-offer.gateway.js';
import { RoutingContactRepository } from './repositories/routing-contact.repository.js';
import { AgentStatePush } from './services/agent-state-push.service.js';
import { MeAgentStateController } from './controllers/me-agent-state.controller.js';
import { QueueBoardController } from './controllers/queue-board.controller.js';
import { QueueBoardService } from './services/queue-board.service.js';
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
import { QueueComposerRule } from './services/queue-composer-rule.service.js';
import { ConversationRoutingController } from './controllers/conversation-routing.controller.js';
import { WrapUpRepository } from './repositories/wrap-up.repository.js';
import { ConversationEndService } from './wrap-up/conversation-end.service.js';
import { ConversationRoutingService } from './wrap-up/conversation-routing.service.js';
import { QueueRemovalService } from './wrap-up/queue-removal.service.js';
import { WrapUpDueListener } from './wrap-up/wrap-up-due.listener.js';
import { WrapUpObligationService } from './wrap-up/wrap-up-obligation.service.js';
import { WrapUpService } from './wrap-up/wrap-up.service.js';
import { ConversationTransferController } from './controllers/conversation-transfer.controller.js';
import { ContactReleaseRegistry } from './offers/contact-release.registry.js';
import { TRANSFER_PROVIDERS } from './transfer/transfer.providers.js';

/** The contact centre: queues, agent states, wrap-up reasons, offers with RONA re-offer and overflow. */
@Module({
  imports: [ChatModule],
  // QueueBoardController first: `/api/queues/board` before `/api/queues/:id`.
  controllers: [
    QueueBoardController,
    QueuesController,
    WrapUpReasonsController,
    MeAgentStateController,
    ConversationRoutingController,
    ...CONFERENCE_CONTROLLERS,
    ConversationTransferController,
  ],
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
    RoutingContactRepository,
    AgentStatePush,
    ContactAcceptanceRegistry,
    ContactQueueService,
    QueuePositionService,
    OfferAnnouncer,
    OfferDispatcher,
    OfferResponseService,
    ContactExitService,
    RoutingOfferTimer,
    RoutingMaxWaitTimer,
    ContactWithdrawalListener,
    ContactOfferGateway,
    QueueComposerRule,
    WrapUpRepository,
    WrapUpObligationService,
    WrapUpService,
    WrapUpDueListener,
    ConversationEndService,
    ConversationRoutingService,
    QueueRemovalService,
    QueueBoardService,
    ...CONFERENCE_PROVIDERS,
    ...TRANSFER_PROVIDERS,
  ],
  exports: [
    QueueService,
    WrapUpReasonService,
    AgentStateService,
    AgentPicker,
    ChatAvailability,
    ContactQueueService,
    OfferDispatcher,
    ContactAcceptanceRegistry,
    ContactReleaseRegistry,
    QueuePositionService,
    WrapUpObligationService,
  ],
})
export class RoutingModule {}
