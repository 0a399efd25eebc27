// Shapes of the API payloads the shell consumes (kept by hand: the web app does not import backend code).

export type Role = 'admin' | 'technician';
export type Availability = 'available' | 'unavailable';

export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  availability: Availability;
}

export interface LoginResponse {
  accessToken: string;
}

export interface PluginInfo {
  id: string;
  version: string;
  kind: string;
  enabled: boolean;
  status: string;
  statusReason?: string | null;
  permissions: string[];
  grantedPermissions: string[];
}

/** Pushed by the server on the `/agent` socket namespace as event `notification`. */
export interface AppNotification {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  /** In-app path to open, e.g. `/tickets/42` for an @notify. */
  link?: string | null;
}
