// The admin area's sections, in sub-navigation order: each is /admin/<id> (the first is /admin).
// Add a section here (id, label key, component); labels live in admin.i18n.ts, English and French.
import type { ComponentType } from 'preact';
import type { Me } from '../../lib/api.types';
import type { AdminStrings } from '../../lib/admin.i18n';
import { EmailAdmin } from './email-admin.component';
// People and devices (#15): users, companies, contacts, devices.
import { CompaniesAdmin } from './companies-admin.component';
import { ContactsAdmin } from './contacts-admin.component';
import { DevicesAdmin } from './devices-admin.component';
import { UsersAdmin } from './users-admin.component';
import { PluginsAdmin } from './plugins-admin.component';
import { PortalsAdmin } from './portals-admin.component';
// Configuration sections (settings, statuses, product families, quick replies, automation).
import { AutomationAdmin } from './automation-admin.component';
import { ProductFamiliesAdmin } from './product-families-admin.component';
import { QuickRepliesAdmin } from './quick-replies-admin.component';
import { SettingsAdmin } from './settings-admin.component';
import { TicketStatusesAdmin } from './ticket-statuses-admin.component';
// Contact centre (#14): queues, the live queue board and wrap-up reasons.
import { QueuesAdmin } from './queues-admin.component';
import { QueueBoardAdmin } from './queue-board-admin.component';
import { WrapUpReasonsAdmin } from './wrap-up-reasons-admin.component';
// Satisfaction report (#18.4).
import { CsatReportAdmin } from './csat-report-admin.component';

export interface AdminSectionProps {
  me: Me;
}

export interface AdminSection {
  id: string;
  label: keyof AdminStrings;
  component: ComponentType<AdminSectionProps>;
}

/** Portals, email and plugins: what an admin sets up first (one page, as before the sections). */
function ChannelsAdmin() {
  return (
    <>
      <PortalsAdmin />
      <EmailAdmin />
      <PluginsAdmin />
    </>
  );
}

export const ADMIN_SECTIONS: AdminSection[] = [
  { id: 'channels', label: 'channels', component: ChannelsAdmin },
  // People and devices (#15)
  { id: 'users', label: 'users', component: UsersAdmin },
  { id: 'companies', label: 'companies', component: CompaniesAdmin },
  { id: 'contacts', label: 'contacts', component: ContactsAdmin },
  { id: 'devices', label: 'devices', component: DevicesAdmin },
  // Configuration sections
  { id: 'settings', label: 'settings', component: SettingsAdmin },
  { id: 'statuses', label: 'statuses', component: TicketStatusesAdmin },
  { id: 'product-families', label: 'productFamilies', component: ProductFamiliesAdmin },
  { id: 'quick-replies', label: 'quickReplies', component: QuickRepliesAdmin },
  { id: 'automation', label: 'automation', component: AutomationAdmin },
  // End of configuration sections
  // Contact centre (#14)
  { id: 'queues', label: 'queues', component: QueuesAdmin },
  { id: 'queue-board', label: 'queueBoard', component: QueueBoardAdmin },
  { id: 'wrap-up-reasons', label: 'wrapUpReasons', component: WrapUpReasonsAdmin },
  // Reports (#18.4)
  { id: 'satisfaction', label: 'satisfaction', component: CsatReportAdmin },
];
