import { ConferenceController } from '../controllers/conference.controller.js';
import { ConferenceRepository } from '../repositories/conference.repository.js';
import { ConferenceAnnouncer } from './conference-announcer.service.js';
import { ConferenceChatEndListener } from './conference-chat-end.listener.js';
import { ConferenceChatGuard } from './conference-chat.guard.js';
import { ConferenceCloser } from './conference-closer.service.js';
import { ConferenceEndService } from './conference-end.service.js';
import { ConferenceRequestService } from './conference-request.service.js';
import { ConferenceResponseService } from './conference-response.service.js';
import { ConferenceTargetService } from './conference-target.service.js';
import { RoutingConferenceOfferTimer } from './routing-conference-offer.timer.js';

/** The conference's parts, registered by RoutingModule in one line each (kept apart from the offers). */
export const CONFERENCE_CONTROLLERS = [ConferenceController];
export const CONFERENCE_PROVIDERS = [
  ConferenceRepository,
  ConferenceAnnouncer,
  ConferenceChatGuard,
  ConferenceRequestService,
  ConferenceTargetService,
  ConferenceResponseService,
  ConferenceCloser,
  ConferenceEndService,
  ConferenceChatEndListener,
  RoutingConferenceOfferTimer,
];
