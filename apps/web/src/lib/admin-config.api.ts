// Admin configuration calls: settings, ticket statuses, product families, quick replies, automation rules.
// Shapes come from the API's generated types; nothing here is cached (the admin wants what is stored).
import type * as C from '@switchboard/contracts';
import { request } from './api.client';
import { ticketsApi } from './tickets.api';

export type SettingView = C.ApiSchema<'SettingViewDto'>;
export type TicketStatus = C.ApiSchema<'TicketStatusViewDto'>;
export type NewStatus = C.ApiSchema<'CreateStatusDto'>;
export type StatusPatch = C.ApiSchema<'UpdateStatusDto'>;
export type ProductFamily = C.ApiSchema<'ProductFamilyViewDto'>;
export type QuickReply = C.ApiSchema<'QuickReplyViewDto'>;
export type NewQuickReply = C.ApiSchema<'CreateQuickReplyDto'>;
export type QuickReplyPatch = C.ApiSchema<'UpdateQuickReplyDto'>;
export type Rule = C.ApiSchema<'AutomationRuleViewDto'>;
export type NewRule = C.ApiSchema<'CreateRuleDto'>;
export type RulePatch = C.ApiSchema<'UpdateRuleDto'>;
export type RuleAction = C.ApiSchema<'RuleActionDto'>;
export type RuleConditions = C.ApiSchema<'RuleConditionsDto'>;
export type Account = C.ApiSchema<'AccountViewDto'>;

const enc = encodeURIComponent;
const scope = (companyId?: string) => (companyId ? `?companyId=${enc(companyId)}` : '');

export const adminConfigApi = {
  settings: (companyId?: string) => request<SettingView[]>('GET', `/api/settings${scope(companyId)}`),
  setSetting: async (key: string, value: unknown, companyId?: string) => {
    const view = await request<SettingView>('PUT', `/api/settings/${enc(key)}`, { value, companyId });
    ticketsApi.forget('reply-type:'); // the composer's cached default reply type
    return view;
  },
  resetSetting: async (key: string, companyId?: string) => {
    const view = await request<SettingView>('DELETE', `/api/settings/${enc(key)}${scope(companyId)}`);
    ticketsApi.forget('reply-type:');
    return view;
  },

  statuses: () => request<TicketStatus[]>('GET', '/api/ticket-statuses'),
  createStatus: (body: NewStatus) => statusesChanged(request<TicketStatus>('POST', '/api/ticket-statuses', body)),
  updateStatus: (key: string, body: StatusPatch) =>
    statusesChanged(request<TicketStatus>('PATCH', `/api/ticket-statuses/${enc(key)}`, body)),
  deleteStatus: (key: string) => statusesChanged(request<void>('DELETE', `/api/ticket-statuses/${enc(key)}`)),

  families: () => request<ProductFamily[]>('GET', '/api/product-families'),
  createFamily: (name: string) => request<ProductFamily>('POST', '/api/product-families', { name }),
  renameFamily: (id: string, name: string) =>
    request<ProductFamily>('PATCH', `/api/product-families/${enc(id)}`, { name }),
  deleteFamily: (id: string) => request<void>('DELETE', `/api/product-families/${enc(id)}`),

  quickReplies: () => request<QuickReply[]>('GET', '/api/quick-replies'),
  placeholders: () =>
    request<C.ApiSchema<'QuickReplyPlaceholdersDto'>>('GET', '/api/quick-replies/placeholders').then(
      (r) => r.placeholders,
    ),
  createQuickReply: (body: NewQuickReply) => request<QuickReply>('POST', '/api/quick-replies', body),
  updateQuickReply: (id: string, body: QuickReplyPatch) =>
    request<QuickReply>('PATCH', `/api/quick-replies/${enc(id)}`, body),
  deleteQuickReply: (id: string) => request<void>('DELETE', `/api/quick-replies/${enc(id)}`),

  rules: () => request<Rule[]>('GET', '/api/automation-rules'),
  createRule: (body: NewRule) => request<Rule>('POST', '/api/automation-rules', body),
  updateRule: (id: string, body: RulePatch) => request<Rule>('PATCH', `/api/automation-rules/${enc(id)}`, body),
  deleteRule: (id: string) => request<void>('DELETE', `/api/automation-rules/${enc(id)}`),
  reorderRules: (ids: string[]) => request<Rule[]>('PUT', '/api/automation-rules/order', { ids }),

  /** Active staff accounts (rule actions assign / notify); admins only, first 200. */
  accounts: () =>
    request<C.ApiSchema<'AccountPageDto'>>('GET', '/api/accounts?limit=200').then((p) =>
      p.items.filter((a) => a.active),
    ),
};

/** The ticket screens cache the status list for the tab: drop it once an admin changed one. */
async function statusesChanged<T>(p: Promise<T>): Promise<T> {
  const out = await p;
  ticketsApi.forget('statuses');
  return out;
}
