// Contact-centre calls (libs/routing): the agent state, queues and wrap-up reasons. Shapes from the
// API's generated types; nothing cached (the admin and the agent want what is stored).
import type * as C from '@switchboard/contracts';
import { request } from './api.client';

export type AgentStateView = C.ApiSchema<'AgentStateViewDto'>;
export type AgentStateName = AgentStateView['state'];
export type MeWithState = C.ApiSchema<'MeViewDto'>;
export type Queue = C.ApiSchema<'QueueViewDto'>;
export type QueueInput = C.ApiSchema<'CreateQueueDto'>;
export type WrapUpReason = C.ApiSchema<'WrapUpReasonViewDto'>;
export type WrapUp = C.ApiSchema<'WrapUpViewDto'>;
export type ConversationRouting = C.ApiSchema<'ConversationRoutingViewDto'>;
export type Conference = C.ApiSchema<'ConferenceViewDto'>;
export type ConferenceTarget = C.ApiSchema<'ConferenceTargetViewDto'>;
export type QueueBoard = C.ApiSchema<'QueueBoardViewDto'>;
export type QueueBoardQueue = C.ApiSchema<'QueueBoardQueueDto'>;
export type QueueBoardAgent = C.ApiSchema<'QueueBoardAgentDto'>;
export type TransferTargets = C.ApiSchema<'TransferTargetsViewDto'>;
export type ContactTransfer = C.ApiSchema<'ContactTransferViewDto'>;

const enc = encodeURIComponent;

export const routingApi = {
  me: () => request<MeWithState>('GET', '/api/me'),
  setAgentState: (state: 'available' | 'not_ready') => request<AgentStateView>('PUT', '/api/me/agent-state', { state }),

  queues: () => request<Queue[]>('GET', '/api/queues'),
  createQueue: (body: QueueInput) => request<Queue>('POST', '/api/queues', body),
  updateQueue: (id: string, body: Partial<QueueInput>) => request<Queue>('PATCH', `/api/queues/${enc(id)}`, body),
  deleteQueue: (id: string) => request<void>('DELETE', `/api/queues/${enc(id)}`),
  board: () => request<QueueBoard>('GET', '/api/queues/board'),

  conversationRouting: (id: string) => request<ConversationRouting>('GET', `/api/conversations/${enc(id)}/routing`),
  end: (id: string) => request<{ conversationId: string; wrapUp: WrapUp }>('POST', `/api/conversations/${enc(id)}/end`),
  wrapUp: (id: string, body: { reasonId: string; note?: string }) =>
    request<WrapUp>('POST', `/api/conversations/${enc(id)}/wrap-up`, body),
  conferenceTargets: (id: string, q = '') =>
    request<ConferenceTarget[]>(
      'GET',
      `/api/conversations/${enc(id)}/conference-targets${q.trim() ? `?q=${enc(q.trim())}` : ''}`,
    ),
  requestConference: (id: string, accountId: string) =>
    request<Conference>('POST', `/api/conversations/${enc(id)}/conference`, { accountId }),
  endConference: (id: string) => request<Conference>('POST', `/api/conversations/${enc(id)}/conference/end`),
  transferTargets: (id: string, q: string) =>
    request<TransferTargets>(
      'GET',
      `/api/conversations/${enc(id)}/transfer-targets${q.trim() ? `?q=${enc(q.trim())}` : ''}`,
    ),
  transfer: (id: string, body: { queueId: string } | { accountId: string }) =>
    request<ContactTransfer>('POST', `/api/conversations/${enc(id)}/transfer`, body),
  pendingWrapUps: () => request<WrapUp[]>('GET', '/api/me/wrap-ups'),

  reasons: () => request<WrapUpReason[]>('GET', '/api/wrap-up-reasons'),
  activeReasons: () => request<WrapUpReason[]>('GET', '/api/wrap-up-reasons?active=true'),
  createReason: (label: string, labelFr?: string) =>
    request<WrapUpReason>('POST', '/api/wrap-up-reasons', { label, labelFr }),
  updateReason: (id: string, body: { label?: string; labelFr?: string | null; active?: boolean }) =>
    request<WrapUpReason>('PATCH', `/api/wrap-up-reasons/${enc(id)}`, body),
  deleteReason: (id: string) => request<void>('DELETE', `/api/wrap-up-reasons/${enc(id)}`),
};
