import { Module } from '@nestjs/common';
import { AutomationRulesController } from './controllers/automation-rules.controller.js';
import { ProductFamiliesController } from './controllers/product-families.controller.js';
import { QuickRepliesController } from './controllers/quick-replies.controller.js';
import { TicketCommentsController } from './controllers/ticket-comments.controller.js';
import { TicketRevealController } from './controllers/ticket-reveal.controller.js';
import { TicketStatusesController } from './controllers/ticket-statuses.controller.js';
import { TicketsController } from './controllers/tickets.controller.js';
import { TicketBulkController } from './controllers/ticket-bulk.controller.js';
import { TicketViewsController } from './controllers/ticket-views.controller.js';
import { SavedViewRepository } from './repositories/saved-view.repository.js';
import { SavedViewCountsService } from './services/saved-view-counts.service.js';
import { SavedViewService } from './services/saved-view.service.js';
import { TicketsGateway } from './realtime/tickets.gateway.js';
import { AutomationRuleRepository } from './repositories/automation-rule.repository.js';
import { ProductFamilyRepository } from './repositories/product-family.repository.js';
import { QuickReplyRepository } from './repositories/quick-reply.repository.js';
import { TicketActivityRepository } from './repositories/ticket-activity.repository.js';
import { TicketCommentRepository } from './repositories/ticket-comment.repository.js';
import { TicketCounterRepository } from './repositories/ticket-counter.repository.js';
import { TicketStatusRepository } from './repositories/ticket-status.repository.js';
import { TicketRepository } from './repositories/ticket.repository.js';
import { AutomationRuleOrderService } from './services/automation-rule-order.service.js';
import { AutomationService } from './services/automation.service.js';
import { ProductFamilyService } from './services/product-family.service.js';
import { QuickReplyService } from './services/quick-reply.service.js';
import { TicketActivityService } from './services/ticket-activity.service.js';
import { TicketCcService } from './services/ticket-cc.service.js';
import { TicketFinder } from './services/ticket-finder.service.js';
import { TicketMailer } from './services/ticket-mailer.service.js';
import { TicketRevealService } from './services/ticket-reveal.service.js';
import { TicketPublisher } from './services/ticket-publisher.service.js';
import { TicketStatusService } from './services/ticket-status.service.js';
import { TicketViewBuilder } from './services/ticket-view.builder.js';
import { TicketViewersService } from './services/ticket-viewers.service.js';
import { AddContactCommentService } from './services/add-contact-comment.service.js';
import { AddTechnicianCommentService } from './services/add-technician-comment.service.js';
import { CommentWriter } from './services/comment.writer.js';
import { ContactAuthorService } from './services/contact-author.service.js';
import { CreateTicketService } from './services/create-ticket.service.js';
import { MergeTicketService } from './services/merge-ticket.service.js';
import { BulkTicketChangeService } from './services/bulk-ticket-change.service.js';
import { DeleteTicketService } from './services/delete-ticket.service.js';
import { NewTicketBuilder } from './services/new-ticket.builder.js';
import { TicketChangeApplier } from './services/ticket-change-applier.service.js';
import { TicketCommentQueryService } from './services/ticket-comment-query.service.js';
import { TicketInputChecker } from './services/ticket-input-checker.service.js';
import { TicketQueryService } from './services/ticket-query.service.js';
import { TicketUnitOfWork } from './services/ticket-unit-of-work.service.js';
import { TicketSentimentService } from './services/ticket-sentiment.service.js';
import { UpdateTicketService } from './services/update-ticket.service.js';
import { CommentOriginalController } from './email/comment-original.controller.js';
import { CommentOriginalService } from './email/comment-original.service.js';
import { EmailActivityWriter } from './email/email-activity.writer.js';
import { EmailIngestService } from './email/email-ingest.service.js';
import { EmailAnswers } from './email/email-answers.service.js';
import { EmailCcResolver } from './email/email-cc.service.js';
import { EmailReplyService } from './email/email-reply.service.js';
import { EmailSenders } from './email/email-sender.service.js';
import { EmailStorage } from './email/email-storage.service.js';
import { EmailTicketOpener } from './email/email-ticket-opener.service.js';
import { EmailTemplateRepository } from './email/email-template.repository.js';
import { EmailTemplateService } from './email/email-template.service.js';
import { StatusMailLabels } from './email/status-mail-labels.service.js';
import { EmailTemplatesController } from './email/email-templates.controller.js';
import { EmailThreading } from './email/email-threading.service.js';
import { TicketChatLinkRepository } from './repositories/ticket-chat-link.repository.js';
import { TicketChatLinkService } from './services/ticket-chat-link.service.js';
import { EndUserTicketRepository } from './repositories/end-user-ticket.repository.js';
import { EndUserTicketsService } from './services/end-user-tickets.service.js';
import { TicketPortalLinks } from './email/ticket-portal-links.js';
import { CsatMailBlock } from './csat/csat-mail-block.service.js';
import { CsatOpener } from './csat/csat-opener.service.js';
import { CsatPublicController } from './csat/csat-public.controller.js';
import { CsatQuestionService } from './csat/csat-question.service.js';
import { CsatRecorder } from './csat/csat-recorder.service.js';
import { CsatReportController } from './csat/csat-report.controller.js';
import { CsatReportService } from './csat/csat-report.service.js';
import { CsatSurveyRepository } from './csat/csat-survey.repository.js';
import { CsatSurveysService } from './csat/csat-surveys.service.js';

/** Tickets: REST under /api/tickets (+ statuses, product families, quick replies, automation), socket events on /agent. */
@Module({
  controllers: [
    TicketsController,
    TicketBulkController,
    TicketCommentsController,
    TicketRevealController,
    TicketStatusesController,
    ProductFamiliesController,
    QuickRepliesController,
    AutomationRulesController,
    EmailTemplatesController,
    CommentOriginalController,
    CsatPublicController,
    CsatReportController,
    TicketViewsController,
  ],
  providers: [
    TicketRepository,
    TicketCounterRepository,
    TicketCommentRepository,
    TicketActivityRepository,
    TicketStatusRepository,
    ProductFamilyRepository,
    QuickReplyRepository,
    AutomationRuleRepository,
    TicketFinder,
    TicketViewBuilder,
    TicketCcService,
    TicketActivityService,
    TicketStatusService,
    ProductFamilyService,
    AutomationService,
    AutomationRuleOrderService,
    TicketMailer,
    TicketPublisher,
    TicketUnitOfWork,
    TicketInputChecker,
    TicketChangeApplier,
    NewTicketBuilder,
    CreateTicketService,
    UpdateTicketService,
    BulkTicketChangeService,
    TicketQueryService,
    CommentWriter,
    ContactAuthorService,
    AddTechnicianCommentService,
    AddContactCommentService,
    TicketCommentQueryService,
    MergeTicketService,
    DeleteTicketService,
    QuickReplyService,
    TicketViewersService,
    TicketRevealService,
    TicketsGateway,
    TicketChatLinkRepository,
    TicketChatLinkService,
    EmailTemplateRepository,
    EmailTemplateService,
    StatusMailLabels,
    EmailThreading,
    EmailSenders,
    EmailStorage,
    EmailCcResolver,
    EmailAnswers,
    EmailReplyService,
    EmailTicketOpener,
    EmailActivityWriter,
    EmailIngestService,
    CommentOriginalService,
    TicketSentimentService,
    EndUserTicketRepository,
    EndUserTicketsService,
    TicketPortalLinks,
    CsatSurveyRepository,
    CsatQuestionService,
    CsatOpener,
    CsatMailBlock,
    CsatRecorder,
    CsatSurveysService,
    CsatReportService,
    SavedViewRepository,
    SavedViewService,
    SavedViewCountsService,
  ],
  exports: [
    CreateTicketService,
    UpdateTicketService,
    TicketQueryService,
    AddTechnicianCommentService,
    AddContactCommentService,
    ContactAuthorService,
    TicketCommentQueryService,
    TicketViewersService,
    TicketStatusService,
    TicketChatLinkService,
    TicketSentimentService,
    EndUserTicketsService,
    TicketPortalLinks,
    CsatSurveysService,
    EmailTemplateService,
  ],
})
export class TicketsModule {}
