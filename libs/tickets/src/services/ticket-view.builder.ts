import { Injectable } from '@nestjs/common';
import { AccountService, AccountView, ContactService, ContactView, TechnicianDirectory } from '@switchboard/core';
import type { TicketActivityEntity } from '../entities/ticket-activity.entity.js';
import type { TicketCommentEntity } from '../entities/ticket-comment.entity.js';
import type { TicketEntity } from '../entities/ticket.entity.js';
import type { CcEntry } from '../ticket.types.js';
import { ActivityView, CommentView, iso, PersonRef, TicketView } from '../ticket.views.js';

interface People {
  contacts: Map<string, ContactView>;
  accounts: Map<string, AccountView>;
}

/** Turns entities into views, resolving people in one batch per page (no N+1 on the list). */
@Injectable()
export class TicketViewBuilder {
  constructor(
    private readonly contacts: ContactService,
    private readonly accounts: AccountService,
    private readonly directory: TechnicianDirectory,
  ) {}

  /** `known`: contacts the caller already holds (read in this request), not read again. */
  async tickets(tickets: TicketEntity[], known: ContactView[] = []): Promise<TicketView[]> {
    const people = await this.people(
      tickets.flatMap((t) => [
        ...(t.requesterId ? [t.requesterId] : []),
        ...t.cc.filter((c) => c.kind === 'contact').map((c) => c.id),
      ]),
      tickets.flatMap((t) => [
        ...(t.assigneeId ? [t.assigneeId] : []),
        ...t.cc.filter((c) => c.kind === 'account').map((c) => c.id),
      ]),
      known,
    );
    return tickets.map((t) => this.ticketView(t, people));
  }

  async ticket(ticket: TicketEntity, known: ContactView[] = []): Promise<TicketView> {
    return (await this.tickets([ticket], known))[0];
  }

  async comments(
    comments: TicketCommentEntity[],
    ticketNumber: number,
    known: ContactView[] = [],
  ): Promise<CommentView[]> {
    const people = await this.people(
      comments.flatMap((c) => c.cc.filter((x) => x.kind === 'contact').map((x) => x.id)),
      comments.flatMap((c) => [...c.notify, ...c.cc.filter((x) => x.kind === 'account').map((x) => x.id)]),
      known,
    );
    return comments.map((c) => ({
      id: c.id,
      ticketNumber,
      visibility: c.visibility,
      body: c.body,
      author: { kind: c.authorKind, id: c.authorId, name: c.authorName },
      source: c.source,
      truncated: c.truncated,
      cc: this.cc(c.cc, people),
      notify: c.notify.map((id) => ({ id, name: people.accounts.get(id)?.name ?? 'Unknown technician' })),
      attachments: c.attachments,
      hasOriginal: !!c.originalFileId,
      opening: !!c.opening,
      createdAt: iso(c.createdAt),
    }));
  }

  activity(a: TicketActivityEntity, ticketNumber: number): ActivityView {
    return {
      id: a.id,
      ticketNumber,
      action: a.action,
      actor: { kind: a.actorKind, id: a.actorId, name: a.actorName },
      from: a.fromValue ?? null,
      to: a.toValue ?? null,
      createdAt: iso(a.createdAt),
    };
  }

  /**
   * Email addresses of Cc entries (contacts and technicians), for outbound mail. Accounts are
   * checked again now: one restricted or deactivated since it was Cc'd gets no more mail (#13.6).
   */
  /** How a comment is signed in mail: a technician's own signature, else the author's name. */
  async signature(comment: TicketCommentEntity): Promise<string> {
    if (comment.authorKind !== 'account' || !comment.authorId) return comment.authorName;
    const [account] = await this.accounts.getMany([comment.authorId]);
    return account?.signature ?? comment.authorName;
  }

  async ccEmails(cc: CcEntry[], companyId: string): Promise<string[]> {
    const accountIds = cc.filter((c) => c.kind === 'account').map((c) => c.id);
    const allowed = new Set(
      accountIds.length ? (await this.directory.serving(companyId, accountIds)).serving.map((a) => a.id) : [],
    );
    const kept = cc.filter((c) => c.kind === 'contact' || allowed.has(c.id));
    const people = await this.people(
      kept.filter((c) => c.kind === 'contact').map((c) => c.id),
      kept.filter((c) => c.kind === 'account').map((c) => c.id),
    );
    return this.cc(kept, people)
      .map((p) => p.email)
      .filter((e): e is string => !!e);
  }

  private ticketView(t: TicketEntity, people: People): TicketView {
    const requester = t.requesterId ? people.contacts.get(t.requesterId) : undefined;
    const assignee = t.assigneeId ? people.accounts.get(t.assigneeId) : undefined;
    return {
      id: t.id,
      number: t.number,
      title: t.title,
      description: t.description,
      status: t.status,
      statusCategory: t.statusCategory,
      priority: t.priority,
      impact: t.impact,
      type: t.type,
      productFamilyId: t.productFamilyId,
      activityStatus: t.activityStatus,
      source: t.source,
      sentiment: t.sentiment,
      csatScore: t.csatScore ?? null,
      companyId: t.companyId,
      requester: requester
        ? { id: requester.id, firstName: requester.firstName, lastName: requester.lastName, email: requester.email }
        : null,
      assignee: t.assigneeId ? { id: t.assigneeId, name: assignee?.name ?? 'Unknown technician' } : null,
      cc: this.cc(t.cc, people),
      mergedInto: t.mergedIntoNumber,
      createdAt: iso(t.createdAt),
      updatedAt: iso(t.updatedAt),
    };
  }

  private cc(entries: CcEntry[], people: People): PersonRef[] {
    return entries.flatMap((c): PersonRef[] => {
      if (c.kind === 'contact') {
        const p = people.contacts.get(c.id);
        return p ? [{ kind: 'contact', id: c.id, name: `${p.firstName} ${p.lastName}`.trim(), email: p.email }] : [];
      }
      const a = people.accounts.get(c.id);
      return a ? [{ kind: 'account', id: c.id, name: a.name, email: a.email }] : [];
    });
  }

  private async people(contactIds: string[], accountIds: string[], known: ContactView[] = []): Promise<People> {
    const held = new Map(known.map((c) => [c.id, c]));
    const [contacts, accounts] = await Promise.all([
      this.contacts.getMany(contactIds.filter((id) => !held.has(id))),
      this.accounts.getMany(accountIds),
    ]);
    return {
      contacts: new Map([...held, ...contacts.map((c): [string, ContactView] => [c.id, c])]),
      accounts: new Map(accounts.map((a) => [a.id, a])),
    };
  }
}
