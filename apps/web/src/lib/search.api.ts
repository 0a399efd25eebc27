// GET /api/search (#20): tickets, contacts and conversations matching a text, typed from the API.
import type { ApiSchema } from '@switchboard/contracts';
import { request } from './api.client';

export type SearchResults = ApiSchema<'SearchResultsDto'>;
export type SearchTicketHit = ApiSchema<'SearchTicketHitDto'>;
export type SearchContactHit = ApiSchema<'SearchContactHitDto'>;
export type SearchConversationHit = ApiSchema<'SearchConversationHitDto'>;
export type SearchSnippet = ApiSchema<'SearchSnippetDto'>;

/** The API's limits, mirrored so the box does not send what it would refuse. */
export const SEARCH_MAX_LENGTH = 200;

export function searchAll(q: string, limit = 5): Promise<SearchResults> {
  return request<SearchResults>('GET', `/api/search?q=${encodeURIComponent(q)}&limit=${limit}`);
}
