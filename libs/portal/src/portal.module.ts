import { Module, OnModuleInit } from '@nestjs/common';
import { SettingsRegistry } from '@switchboard/core';
import { ChatModule } from '@switchboard/chat';
import { RoutingModule } from '@switchboard/routing';
import { TicketsModule } from '@switchboard/tickets';
import { EmbedScriptController } from './controllers/embed-script.controller.js';
import { PortalPageController } from './controllers/portal-page.controller.js';
import { PortalsController } from './controllers/portals.controller.js';
import { PublicCasesController } from './controllers/public-cases.controller.js';
import { PublicPortalsController } from './controllers/public-portals.controller.js';
import { PortalChatGateway } from './realtime/portal-chat.gateway.js';
import { ScreenShareAgentGateway } from './realtime/screen-share-agent.gateway.js';
import { ScreenShareVisitorGateway } from './realtime/screen-share-visitor.gateway.js';
import { ScreenSessionRepository } from './repositories/screen-session.repository.js';
import { IceServersService } from './services/ice-servers.service.js';
import { ScreenShareService } from './services/screen-share.service.js';
import { ScreenShareConversationListener } from './services/screen-share-conversation.listener.js';
import { ScreenRecordingService } from './services/screen-recording.service.js';
import { defineScreenRecordingSetting } from './services/screen-recording-settings.js';
import { ScreenRecordingsController } from './controllers/screen-recordings.controller.js';
import { PortalRepository } from './repositories/portal.repository.js';
import { EmbedScriptService } from './services/embed-script.service.js';
import { PortalChannel } from './services/portal-channel.service.js';
import { PortalAbandonTimer } from './services/portal-abandon.timer.js';
import { PortalVisitorService } from './services/portal-visitor.service.js';
import { PortalWaitingOfferTimer } from './services/portal-waiting-offer.timer.js';
import { PortalService } from './services/portal.service.js';
import { PortalTicketsGateway } from './realtime/portal-tickets.gateway.js';
import { PortalSignInRepository } from './repositories/portal-sign-in.repository.js';
import { PortalTicketReadRepository } from './repositories/portal-ticket-read.repository.js';
import { PortalContactSessions } from './sign-in/portal-contact-session.service.js';
import { PortalContactGuard } from './sign-in/portal-contact.guard.js';
import { PortalSignInController } from './sign-in/portal-sign-in.controller.js';
import { PortalSignInService } from './sign-in/portal-sign-in.service.js';
import { PortalFilesService } from './tickets/portal-files.service.js';
import { PortalTicketWriter } from './tickets/portal-ticket-writer.service.js';
import { PortalCsatService } from './tickets/portal-csat.service.js';
import { PortalTicketsController } from './tickets/portal-tickets.controller.js';
import { PortalTicketsService } from './tickets/portal-tickets.service.js';
import { PortalTicketLinks } from './tickets/portal-ticket-links.service.js';

/** Customer portals: admin CRUD, public view, visitor submissions, the /portal chat gateway, My tickets. */
@Module({
  imports: [ChatModule, TicketsModule, RoutingModule],
  controllers: [
    PortalsController,
    PublicPortalsController,
    PublicCasesController,
    EmbedScriptController,
    PortalPageController,
    PortalSignInController,
    PortalTicketsController,
    ScreenRecordingsController,
  ],
  providers: [
    PortalRepository,
    PortalChannel,
    PortalService,
    PortalVisitorService,
    PortalWaitingOfferTimer,
    PortalAbandonTimer,
    EmbedScriptService,
    PortalChatGateway,
    // "My tickets": sign-in links, contact sessions, the contact's tickets (#18).
    PortalSignInRepository,
    PortalTicketReadRepository,
    PortalSignInService,
    PortalContactSessions,
    PortalContactGuard,
    PortalTicketsService,
    PortalTicketWriter,
    PortalCsatService,
    PortalFilesService,
    PortalTicketsGateway,
    PortalTicketLinks,
    ScreenSessionRepository,
    IceServersService,
    ScreenShareService,
    ScreenShareConversationListener,
    ScreenRecordingService,
    ScreenShareAgentGateway,
    ScreenShareVisitorGateway,
  ],
  exports: [PortalService],
})
export class PortalModule implements OnModuleInit {
  constructor(private readonly settings: SettingsRegistry) {}

  onModuleInit(): void {
    defineScreenRecordingSetting(this.settings);
  }
}
