// Shapes of the API payloads the shell consumes: aliases of @switchboard/contracts (socket views) and of
// the types generated from the API's OpenAPI document (npm run generate:api-types).
import type * as C from '@switchboard/contracts';

export type Role = C.ApiSchema<'AccountViewDto'>['role'];
export type Availability = C.Availability;

/** GET /api/auth/me. */
export type Me = C.ApiSchema<'AccountViewDto'>;

export type LoginResponse = C.ApiSchema<'LoginResponseDto'>;
export type DemoLogin = C.ApiSchema<'DemoLoginDto'>;

export type PluginInfo = C.ApiSchema<'PluginViewDto'>;

/** Pushed by the server on the `/agent` socket namespace as event `notification`. */
export type AppNotification = C.NotificationPush;
