import { ChatOfferEntity } from './chat-offer.entity.js';
import { IdentityTokenEntity } from './identity-token.entity.js';

export { ChatOfferEntity, IdentityTokenEntity };

/** The agent chat lib's tables; the app adds them to its schema. */
export const AGENT_CHAT_ENTITIES = [ChatOfferEntity, IdentityTokenEntity];
