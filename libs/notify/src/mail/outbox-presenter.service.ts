import { Injectable } from '@nestjs/common';
import { PiiMasker, PiiRevealPolicy, type AccountPrincipal, type Page } from '@switchboard/core';
import type { OutboxMessageView } from './outbox.service.js';

/**
 * What an outbox reader sees (the routes are @Unmasked(): this replaces the interceptor). The mails'
 * content is masked like any other end-user text; the recipients are decided by permission: holders
 * of `pii.reveal` see them in clear (delivery problems are about addresses), each page so revealed is
 * audited through PiiRevealPolicy; anyone else sees them masked.
 */
@Injectable()
export class OutboxPresenter {
  constructor(
    private readonly masker: PiiMasker,
    private readonly policy: PiiRevealPolicy,
  ) {}

  page(page: Page<OutboxMessageView>, me: AccountPrincipal): Page<OutboxMessageView> {
    return { nextCursor: page.nextCursor, items: this.present(page.items, me) };
  }

  one(view: OutboxMessageView, me: AccountPrincipal): OutboxMessageView {
    return this.present([view], me)[0];
  }

  private present(views: OutboxMessageView[], me: AccountPrincipal): OutboxMessageView[] {
    if (!this.masker.active) return views;
    const masked = this.masker.maskPayload(views);
    if (!this.policy.canReveal(me)) return masked;
    const revealed = views.filter((v) => v.to.length || v.cc.length);
    if (!revealed.length) return masked;
    for (const v of revealed)
      this.policy.authorize(me, { kind: 'outbox.message', id: v.id, companyId: null, fields: ['to', 'cc'] });
    return masked.map((m, i) => ({ ...m, to: views[i].to, cc: views[i].cc }));
  }
}
