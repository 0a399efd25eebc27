/**
 * For socket events that carry nothing: `{}` (or no payload) passes, any property is refused
 * like an undeclared DTO field.
 */
export class EmptyPayloadDto {}
