import { AutomationRuleEntity } from './automation-rule.entity.js';
import { ProductFamilyEntity } from './product-family.entity.js';
import { QuickReplyEntity } from './quick-reply.entity.js';
import { SavedViewEntity } from './saved-view.entity.js';
import { TicketActivityEntity } from './ticket-activity.entity.js';
import { TicketCommentEntity } from './ticket-comment.entity.js';
import { TicketCounterEntity } from './ticket-counter.entity.js';
import { TicketStatusEntity } from './ticket-status.entity.js';
import { TicketEntity } from './ticket.entity.js';
import { EmailTemplateEntity } from '../email/email-template.entity.js';
import { CsatSurveyEntity } from '../csat/csat-survey.entity.js';

export {
  AutomationRuleEntity,
  ProductFamilyEntity,
  QuickReplyEntity,
  SavedViewEntity,
  TicketActivityEntity,
  TicketCommentEntity,
  TicketCounterEntity,
  TicketStatusEntity,
  TicketEntity,
};

/** The tickets lib's tables; the app adds them to its schema. */
export const TICKET_ENTITIES = [
  TicketCounterEntity,
  TicketStatusEntity,
  ProductFamilyEntity,
  TicketEntity,
  TicketCommentEntity,
  TicketActivityEntity,
  QuickReplyEntity,
  AutomationRuleEntity,
  EmailTemplateEntity,
  CsatSurveyEntity,
  SavedViewEntity,
];
