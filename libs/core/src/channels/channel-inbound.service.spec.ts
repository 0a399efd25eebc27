import type { InboundMessage } from '@switchboard/plugin-sdk';
import { newTestService } from '@switchboard/testing';
import { Clock } from '../clock/clock.js';
import { FakeClock } from '../clock/fake-clock.js';
import { AppConfig } from '../config/app-config.js';
import { AccountService } from '../identity/account.service.js';
import { ContactService } from '../identity/contact.service.js';
import { SettingsService } from '../settings/settings.service.js';
import type { AccountView, ContactView } from '../identity/identity.views.js';
import { ChannelInboundHandlers, type InboundDestination } from './channel-inbound.handlers.js';
import { ChannelInboundService } from './channel-inbound.service.js';
import { InboundMessageRepository } from './inbound-message.repository.js';

const contact = { id: 'c1', companyId: 'co1', email: 'ann@acme.example' } as ContactView;
const account = { id: 'a1', name: 'Ann', active: true } as AccountView;

const mail = (over: Partial<InboundMessage> = {}): InboundMessage => ({
  externalId: ' <m1@acme.example> ',
  from: { address: 'Ann <ANN@acme.example>', name: 'Ann' },
  recipients: ['support@helpdesk.example'],
  subject: 'Hello',
  text: 'Hi',
  ...over,
});

function setup() {
  const handlers = new ChannelInboundHandlers();
  const t = newTestService(ChannelInboundService, {
    types: [
      [Clock, new FakeClock(Date.UTC(2026, 0, 1))],
      [ChannelInboundHandlers, handlers],
      [AppConfig, { mailFrom: 'Helpdesk <support@helpdesk.example>' }],
    ],
  });
  const rows = t.fake(InboundMessageRepository);
  rows.claim.mockResolvedValue(true);
  rows.finish.mockResolvedValue(undefined);
  rows.countFromSince.mockResolvedValue(0);
  t.fake(SettingsService).get.mockResolvedValue(60);
  const destination = {
    thread: jest.fn(async () => 'ticket-7'),
    deliver: jest.fn(async () => ({ status: 'appended' as const, ticketNumber: 7, commentId: 'k1' })),
  } satisfies InboundDestination<string>;
  return { ...t, rows, handlers, destination };
}

describe('ChannelInboundService (the inbound pipeline for plugin channels)', () => {
  it('resolves the sender once and hands sender, thread and our own addresses to the destination', async () => {
    const { sut, fake, rows, handlers, destination } = setup();
    handlers.register('email', destination);
    fake(ContactService).findAllByEmail.mockResolvedValue([contact]);
    fake(AccountService).findByEmail.mockResolvedValue(account);

    await expect(sut.receive('channel-email', 'email', mail(), 'inst-1')).resolves.toEqual({
      status: 'appended',
      ticketNumber: 7,
      commentId: 'k1',
    });

    expect(rows.claim).toHaveBeenCalledWith(
      expect.objectContaining({ channel: 'email', externalId: '<m1@acme.example>', fromAddress: 'ann@acme.example' }),
    );
    expect(fake(ContactService).findAllByEmail).toHaveBeenCalledTimes(1);
    expect(fake(AccountService).findByEmail).toHaveBeenCalledTimes(1);
    const sender = { address: 'ann@acme.example', name: 'Ann', contacts: [contact], account };
    expect(destination.thread).toHaveBeenCalledWith(expect.objectContaining({ subject: 'Hello' }), sender);
    const [ctx, thread] = destination.deliver.mock.calls[0] as unknown as [
      { sender: unknown; ownAddresses: Set<string>; instanceId: string },
      string,
    ];
    expect(thread).toBe('ticket-7');
    expect(ctx.sender).toEqual(sender);
    expect(ctx.instanceId).toBe('inst-1');
    expect([...ctx.ownAddresses].sort()).toEqual(['support@helpdesk.example']);
    expect(rows.finish).toHaveBeenCalledWith(expect.any(String), {
      status: 'appended',
      reason: null,
      ticketNumber: 7,
      commentId: 'k1',
    });
  });

  it('a redelivery stops at the claim: no lookup, no destination', async () => {
    const { sut, rows, handlers, destination } = setup();
    handlers.register('email', destination);
    rows.claim.mockResolvedValue(false);
    await expect(sut.receive('channel-email', 'email', mail())).resolves.toEqual({ status: 'duplicate' });
    expect(destination.thread).not.toHaveBeenCalled();
    expect(rows.finish).not.toHaveBeenCalled();
  });

  it('mail from one of our own addresses is ignored before identity (loop guard)', async () => {
    const { sut, handlers, destination } = setup();
    handlers.register('email', destination);
    const result = await sut.receive('channel-email', 'email', mail({ from: { address: 'support@helpdesk.example' } }));
    expect(result).toEqual({ status: 'ignored', reason: 'own_address' });
    expect(destination.thread).not.toHaveBeenCalled();
  });

  it('refuses a sender over the hourly limit without resolving them', async () => {
    const { sut, rows, handlers, destination } = setup();
    handlers.register('email', destination);
    rows.countFromSince.mockResolvedValue(60);
    await expect(sut.receive('channel-email', 'email', mail())).resolves.toEqual({
      status: 'rejected',
      reason: 'rate_limited',
    });
    expect(rows.countFromSince).toHaveBeenCalledWith(
      'email',
      'ann@acme.example',
      new Date(Date.UTC(2026, 0, 1) - 3_600_000),
      expect.any(String),
    );
    expect(destination.thread).not.toHaveBeenCalled();
  });

  it("the destination's admission refuses before any lookup (e.g. an oversized mail)", async () => {
    const { sut, handlers, destination } = setup();
    handlers.register('email', { ...destination, admit: () => ({ status: 'rejected', reason: 'too_large' }) });
    await expect(sut.receive('channel-email', 'email', mail())).resolves.toEqual({
      status: 'rejected',
      reason: 'too_large',
    });
    expect(destination.thread).not.toHaveBeenCalled();
  });

  it('releases the external id when the destination fails, so the retry gets through', async () => {
    const { sut, fake, rows, handlers, destination } = setup();
    destination.deliver.mockRejectedValue(new Error('disk full'));
    handlers.register('email', destination);
    fake(ContactService).findAllByEmail.mockResolvedValue([]);
    fake(AccountService).findByEmail.mockResolvedValue(null);
    rows.deleteById.mockResolvedValue(true);
    await expect(sut.receive('channel-email', 'email', mail())).rejects.toThrow('disk full');
    expect(rows.deleteById).toHaveBeenCalledWith((rows.claim.mock.calls[0][0] as { id: string }).id);
  });

  it('a channel nobody handles is a 503 (and the claim is released)', async () => {
    const { sut, rows } = setup();
    rows.deleteById.mockResolvedValue(true);
    await expect(sut.receive('channel-sms', 'sms', mail())).rejects.toMatchObject({ code: 'CHANNEL_NOT_HANDLED' });
    expect(rows.deleteById).toHaveBeenCalled();
  });
});
