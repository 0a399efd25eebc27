import { Module } from '@nestjs/common';
import { ChatModule } from '@switchboard/chat';
import { RoutingModule } from '@switchboard/routing';
import { EmbedScriptController } from './controllers/embed-script.controller.js';
import { PortalPageController } from './controllers/portal-page.controller.js';
import { PortalsController } from './controllers/portals.controller.js';
import { PublicCasesController } from './controllers/public-cases.controller.js';
import { PublicPortalsController } from './controllers/public-portals.controller.js';
import { PortalChatGateway } from './realtime/portal-chat.gateway.js';
import { PortalRepository } from './repositories/portal.repository.js';
import { EmbedScriptService } from './services/embed-script.service.js';
import { PortalChannel } from './services/portal-channel.service.js';
import { PortalAbandonTimer } from './services/portal-abandon.timer.js';
import { PortalVisitorService } from './services/portal-visitor.service.js';
import { PortalWaitingOfferTimer } from './services/portal-waiting-offer.timer.js';
import { PortalService } from './services/portal.service.js';

/** Customer portals: admin CRUD, public view, visitor submissions, the /portal chat gateway. */
@Module({
  imports: [ChatModule, RoutingModule],
  controllers: [
    PortalsController,
    PublicPortalsController,
    PublicCasesController,
    EmbedScriptController,
    PortalPageController,
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
  ],
  exports: [PortalService],
})
export class PortalModule {}
