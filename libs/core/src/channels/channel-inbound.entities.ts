import { InboundMessageEntity } from './inbound-message.entity.js';

/** The inbound pipeline's tables. */
export const CHANNEL_INBOUND_ENTITIES = [InboundMessageEntity];
