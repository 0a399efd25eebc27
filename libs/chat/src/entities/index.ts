import { ConversationEntity } from './conversation.entity.js';
import { MessageEntity } from './message.entity.js';
import { NotificationPreferenceEntity } from './notification-preference.entity.js';
import { ParticipantEntity } from './participant.entity.js';

export { ConversationEntity, MessageEntity, NotificationPreferenceEntity, ParticipantEntity };

/** The chat lib's tables; the app adds them to its schema. */
export const CHAT_ENTITIES = [ConversationEntity, ParticipantEntity, MessageEntity, NotificationPreferenceEntity];
