import { ChannelInboundHandlers, SettingsService, type InboundContext } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import type { TicketEntity } from '../entities/ticket.entity.js';
import { EmailActivityWriter } from './email-activity.writer.js';
import { EmailIngestService, MAX_EMAIL_BYTES } from './email-ingest.service.js';
import { EmailReplyService } from './email-reply.service.js';
import { EmailThreading } from './email-threading.service.js';
import { EmailTicketOpener } from './email-ticket-opener.service.js';

const open = { number: 5, status: 'open' } as TicketEntity;
const closed = { number: 6, status: 'closed' } as TicketEntity;
const ctx = (over: Partial<InboundContext['message']> = {}): InboundContext => ({
  pluginId: 'channel-email',
  channel: 'email',
  instanceId: null,
  message: { externalId: '<x@a.example>', from: { address: 'ann@a.example' }, text: 'hi', subject: 'S', ...over },
  sender: { address: 'ann@a.example', contacts: [], account: null },
  ownAddresses: new Set(),
});
const appended = { status: 'appended' as const, ticketNumber: 5 };
const created = { status: 'created' as const, ticketNumber: 9 };

function setup() {
  const t = newTestService(EmailIngestService);
  t.fake(EmailReplyService).append.mockResolvedValue(appended);
  t.fake(EmailTicketOpener).open.mockResolvedValue(created);
  return t;
}

describe('EmailIngestService (the email destination)', () => {
  it('registers itself as the email destination', () => {
    const handlers = new ChannelInboundHandlers();
    const { sut } = newTestService(EmailIngestService, {
      types: [
        [ChannelInboundHandlers, handlers],
        [SettingsService, {}],
      ],
      positions: { 1: { define: jest.fn() } },
    });
    sut.onModuleInit();
    expect(handlers.get('email')).toBe(sut);
  });

  it('admits by size once: the raw source counts when given', () => {
    const { sut } = setup();
    expect(sut.admit(ctx().message)).toBeNull();
    const raw = Buffer.alloc(MAX_EMAIL_BYTES + 3).toString('base64');
    expect(sut.admit({ ...ctx().message, rawBase64: raw })).toEqual({ status: 'rejected', reason: 'too_large' });
  });

  it('threads with the resolved sender', async () => {
    const { sut, fake } = setup();
    fake(EmailThreading).find.mockResolvedValue({ ticket: open, by: 'headers' });
    const c = ctx();
    await expect(sut.thread(c.message, c.sender)).resolves.toEqual({ ticket: open, by: 'headers' });
    expect(fake(EmailThreading).find).toHaveBeenCalledWith(c.message, c.sender);
  });

  it('routes: reply onto an open ticket, new ticket without a match', async () => {
    const { sut, fake } = setup();
    const c = ctx();
    await expect(sut.deliver(c, { ticket: open, by: 'subject' })).resolves.toBe(appended);
    expect(fake(EmailReplyService).append).toHaveBeenCalledWith(c, open);
    await expect(sut.deliver(c, null)).resolves.toBe(created);
    expect(fake(EmailTicketOpener).open).toHaveBeenCalledWith(c, null);
  });

  it('a closed ticket is reopened or followed up, per setting', async () => {
    const { sut, fake } = setup();
    const c = ctx();
    fake(SettingsService).get.mockResolvedValueOnce('reopen');
    await sut.deliver(c, { ticket: closed, by: 'headers' });
    expect(fake(EmailReplyService).append).toHaveBeenCalledWith(c, closed, 'open');
    fake(SettingsService).get.mockResolvedValueOnce('new_ticket');
    await sut.deliver(c, { ticket: closed, by: 'headers' });
    expect(fake(EmailTicketOpener).open).toHaveBeenCalledWith(c, closed);
  });

  it('an automated mail is only recorded in the matched ticket, never a comment', async () => {
    const { sut, fake } = setup();
    fake(EmailActivityWriter).record.mockResolvedValue(undefined);
    await expect(sut.deliver(ctx({ automatedKind: 'bounce' }), { ticket: open, by: 'headers' })).resolves.toEqual({
      status: 'ignored',
      reason: 'bounce',
      ticketNumber: 5,
    });
    expect(fake(EmailActivityWriter).record).toHaveBeenCalledWith(
      5,
      { kind: 'system', id: null, name: 'Email' },
      'email_ignored',
      { kind: 'bounce', from: 'ann@a.example', subject: 'S' },
    );
    await expect(sut.deliver(ctx({ automated: true }), null)).resolves.toEqual({
      status: 'ignored',
      reason: 'auto-reply',
    });
    expect(fake(EmailReplyService).append).not.toHaveBeenCalled();
  });
});
