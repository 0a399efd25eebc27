// @switchboard/contracts: what the server and the web share, types (and event-name constants) only.
// It imports nothing of ours, so every lib and the web may import it.
export * from './views.js';
export * from './domain-events.js';
export * from './socket-events.js';
export * from './socket-requests.js';
export * from './system-texts.js';
export { mergeMessages, type MergeableMessage } from './merge-messages.js';
export type { components, operations, paths } from './api-types.generated.js';
import type { components } from './api-types.generated.js';

/** A schema of the OpenAPI document by name, e.g. `ApiSchema<'LoginResponseDto'>`. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];
