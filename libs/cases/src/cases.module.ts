import { Module } from '@nestjs/common';
import { ChatModule } from '@switchboard/chat';
import { RoutingModule } from '@switchboard/routing';
import { TicketsModule } from '@switchboard/tickets';
import { CaseContactAcceptance } from './services/case-contact-acceptance.service.js';
import { CaseContactRelease } from './services/case-contact-release.service.js';
import { CasesController } from './controllers/cases.controller.js';
import { ContactOverviewController } from './controllers/contact-overview.controller.js';
import { CaseSeenMarkRepository } from './repositories/case-seen-mark.repository.js';
import { CaseRepository } from './repositories/case.repository.js';
import { CaseFeedGateway } from './realtime/case-feed.gateway.js';
import { CaseFollowUpService } from './services/case-follow-up.service.js';
import { CaseOverflowTicketService } from './services/case-overflow-ticket.service.js';
import { CaseLifecycle } from './services/case-lifecycle.service.js';
import { CaseNotifier } from './services/case-notifier.service.js';
import { CaseSeenService } from './services/case-seen.service.js';
import { CaseViewBuilder } from './services/case-views.service.js';
import { CaseService } from './services/case.service.js';
import { CaseTranscriptService } from './services/case-transcript.service.js';
import { ContactOverviewService } from './services/contact-overview.service.js';

/** Cases: the technicians' dashboard over portal conversations. */
@Module({
  imports: [ChatModule, TicketsModule, RoutingModule],
  controllers: [CasesController, ContactOverviewController],
  providers: [
    CaseRepository,
    CaseSeenMarkRepository,
    CaseViewBuilder,
    CaseSeenService,
    CaseNotifier,
    CaseLifecycle,
    CaseService,
    CaseFollowUpService,
    CaseTranscriptService,
    ContactOverviewService,
    CaseContactAcceptance,
    CaseOverflowTicketService,
    CaseContactRelease,
    CaseFeedGateway,
  ],
  exports: [CaseService],
})
export class CasesModule {}
