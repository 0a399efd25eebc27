import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  AccountPrincipal,
  MIN_SUBSTRING,
  parseSearchText,
  PiiMasker,
  PiiRevealPolicy,
  snippetOf,
  textMatches,
  ValidationFailedError,
  widenSearch,
  type SearchText,
} from '@switchboard/core';
import type { SearchQueryDto } from '../dto/search-query.dto.js';
import type {
  SearchContactHitDto,
  SearchConversationHitDto,
  SearchResultsDto,
  SearchSnippetDto,
  SearchTicketHitDto,
} from '../dto/search-results.dto.js';
import { SearchRepository, type SearchScope } from '../repositories/search.repository.js';

const DEFAULT_LIMIT = 5;
/** Candidates read per hit kept: raw matches the viewer sees masked may be dropped on read. */
const OVERFETCH = 3;

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/**
 * The global search (#20): tickets (title, description, comments), contacts and chat messages,
 * within the viewer's companies. Search is never an oracle for what the viewer sees masked
 * (#13.2): tickets match their masked search text, the other kinds are dropped on read unless
 * their masked text matches too; snippets are always shown masked as the views show them.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly access: AccessPolicy,
    private readonly masker: PiiMasker,
    private readonly reveal: PiiRevealPolicy,
  ) {}

  async search(input: SearchQueryDto, me: AccountPrincipal): Promise<SearchResultsDto> {
    const search = parseSearchText(input.q);
    if (!search.terms.length && search.phrase.length < MIN_SUBSTRING)
      throw new ValidationFailedError(`q needs a letter or a digit, or at least ${MIN_SUBSTRING} characters`, {
        q: ['no searchable text'],
      });
    const limit = input.limit ?? DEFAULT_LIMIT;
    // pii.reveal holders search the raw text (as in the ticket list); the others the masked text.
    const maskedSearch = this.masker.active && !this.reveal.canReveal(me);
    const scope: SearchScope = {
      companyIds: this.access.companyFilter(me),
      masked: maskedSearch ? this.masker.maskedCompanies() : undefined,
    };
    // One after the other: SQLite has one connection, and PostgreSQL answers each in milliseconds.
    // Words first; a source with no hit is asked again with substrings (a word inside another).
    const wider = widenSearch(search);
    const widened = async <R>(find: (s: SearchText) => Promise<R[]>): Promise<R[]> => {
      const rows = await find(search);
      return rows.length || !wider ? rows : find(wider);
    };
    const tickets = await widened((s) => this.repo.tickets(s, scope, limit));
    const comments = await widened((s) => this.repo.comments(s, scope, limit * OVERFETCH));
    const contacts = await widened((s) => this.repo.contacts(s, scope, limit * OVERFETCH));
    const messages = await widened((s) => this.repo.messages(s, scope, limit * OVERFETCH));
    const visible = (text: string, companyId: string) => this.masker.maskText(text, companyId);
    // A raw match kept only when the viewer's masked text matches too (masked viewers only).
    const findable = (text: string, companyId: string) =>
      !maskedSearch || this.masker.mode(companyId) === 'off' || textMatches(search, visible(text, companyId));
    const snippet = (text: string, companyId: string): SearchSnippetDto => {
      const s = snippetOf(search, visible(text, companyId));
      return { text: s.text, highlights: s.highlights.map(([start, end]) => ({ start, end })) };
    };

    const ticketHits: SearchTicketHitDto[] = tickets.map((t) => ({
      number: Number(t.number),
      title: visible(t.title, t.companyId),
      status: t.status,
      companyId: t.companyId,
      updatedAt: iso(t.updatedAt),
      matchedIn: 'ticket',
      snippet: snippet(`${t.title}\n${t.description}`, t.companyId),
    }));
    const byComment: SearchTicketHitDto[] = [];
    for (const c of comments) {
      const number = Number(c.number);
      if (ticketHits.some((t) => t.number === number) || byComment.some((t) => t.number === number)) continue;
      if (!findable(c.body, c.companyId)) continue;
      byComment.push({
        number,
        title: visible(c.title, c.companyId),
        status: c.status,
        companyId: c.companyId,
        updatedAt: iso(c.updatedAt),
        matchedIn: 'comment',
        snippet: snippet(c.body, c.companyId),
      });
    }
    const allTickets = [...ticketHits, ...byComment]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .slice(0, limit);

    const contactHits: SearchContactHitDto[] = [];
    for (const p of contacts) {
      const text = [`${p.firstName} ${p.lastName}`, p.email, p.phone ?? ''].join('\n');
      if (contactHits.length >= limit || !findable(text, p.companyId)) continue;
      contactHits.push({
        id: p.id,
        name: visible(`${p.firstName} ${p.lastName}`.trim(), p.companyId),
        email: visible(p.email, p.companyId),
        phone: p.phone == null ? null : visible(p.phone, p.companyId),
        companyId: p.companyId,
        snippet: snippet(text, p.companyId),
      });
    }

    const conversationHits: SearchConversationHitDto[] = [];
    for (const m of messages) {
      if (conversationHits.length >= limit || conversationHits.some((c) => c.id === m.conversationId)) continue;
      if (!findable(m.body, m.companyId)) continue;
      conversationHits.push({
        id: m.conversationId,
        subject: m.subject == null ? null : visible(m.subject, m.companyId),
        status: m.status,
        companyId: m.companyId,
        channel: m.channel,
        ticketNumber: m.ticketNumber == null ? null : Number(m.ticketNumber),
        at: iso(m.createdAt),
        snippet: snippet(m.body, m.companyId),
      });
    }
    return { tickets: allTickets, contacts: contactHits, conversations: conversationHits };
  }
}
