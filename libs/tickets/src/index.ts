export { TicketsModule } from './tickets.module.js';
export { TICKET_ENTITIES } from './entities/index.js';
export type {
  CreateTicketInput,
  UpdateTicketInput,
  TicketListInput,
  ContactAuthor,
  ContactCommentInput,
  TechnicianCommentInput,
} from './services/ticket-inputs.js';
export { CreateTicketService } from './services/create-ticket.service.js';
export { UpdateTicketService } from './services/update-ticket.service.js';
export { TicketSentimentService, type EndUserConversation } from './services/ticket-sentiment.service.js';
export { TicketQueryService } from './services/ticket-query.service.js';
export { AddTechnicianCommentService } from './services/add-technician-comment.service.js';
export { AddContactCommentService } from './services/add-contact-comment.service.js';
export { ContactAuthorService } from './services/contact-author.service.js';
export { TicketCommentQueryService } from './services/ticket-comment-query.service.js';
export { TicketChatLinkService, type ChatTicketRef, type ChatLine } from './services/ticket-chat-link.service.js';
export { TicketViewersService, VIEWER_EXPIRY_MS, VIEWER_HEARTBEAT_MS } from './services/ticket-viewers.service.js';
export { EndUserTicketsService, type EndUser } from './services/end-user-tickets.service.js';
export { TicketPortalLinks, type TicketLinkResolver } from './email/ticket-portal-links.js';
export { CsatSurveysService, type CsatSurveyView, type CsatState } from './csat/csat-surveys.service.js';
export type { CsatAnswer } from './csat/csat-recorder.service.js';
export { CsatAnswerDto, CsatLanguageQueryDto } from './csat/csat.dto.js';
export { EmailTemplateService, NO_TICKET, type EmailTemplateData } from './email/email-template.service.js';
export { TicketStatusService } from './services/ticket-status.service.js';
export { TicketCounterRepository } from './repositories/ticket-counter.repository.js';
export {
  REOPEN_ON_CONTACT_REPLY,
  RULE_TRIGGERS,
  type RuleAction,
  type RuleConditions,
  type RuleTrigger,
} from './automation/automation.types.js';
export { truncateBody } from './services/comment-body.js';
export { QUICK_REPLY_PLACEHOLDERS } from './services/quick-reply-template.js';
export * from './ticket.types.js';
export type * from './ticket.views.js';
