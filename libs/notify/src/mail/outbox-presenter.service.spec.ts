import { PiiMasker, PiiRevealPolicy } from '@switchboard/core';
import { newTestService } from '@switchboard/testing';
import { OutboxPresenter } from './outbox-presenter.service.js';
import type { OutboxMessageView } from './outbox.service.js';

const me = { id: 'a1', role: 'admin' } as never;
const view = { id: 'm1', to: ['jane@example.com'], cc: ['bob@example.com'], text: 'card 4111' } as OutboxMessageView;
const maskedCopy = (v: unknown) =>
  JSON.parse(
    JSON.stringify(v)
      .replace(/jane@|bob@/g, 'x***@')
      .replace('4111', '****'),
  ) as never;

describe('OutboxPresenter', () => {
  function build(canReveal: boolean) {
    const t = newTestService(OutboxPresenter);
    Object.defineProperty(t.fake(PiiMasker), 'active', { get: () => true });
    t.fake(PiiMasker).maskPayload.mockImplementation(maskedCopy);
    t.fake(PiiRevealPolicy).canReveal.mockReturnValue(canReveal);
    t.fake(PiiRevealPolicy).authorize.mockReturnValue(undefined);
    return t;
  }

  it('pii.reveal holders see the recipients in clear, the content masked, and each reveal is audited', () => {
    const { sut, fake } = build(true);
    const out = sut.one(view, me);
    expect(out).toMatchObject({ to: ['jane@example.com'], cc: ['bob@example.com'], text: 'card ****' });
    expect(fake(PiiRevealPolicy).authorize).toHaveBeenCalledWith(me, {
      kind: 'outbox.message',
      id: 'm1',
      companyId: null,
      fields: ['to', 'cc'],
    });
  });

  it('anyone else sees the recipients masked and reveals nothing', () => {
    const { sut, fake } = build(false);
    const out = sut.page({ items: [view], nextCursor: null }, me);
    expect(out.items[0]).toMatchObject({ to: ['x***@example.com'], cc: ['x***@example.com'] });
    expect(fake(PiiRevealPolicy).authorize).not.toHaveBeenCalled();
  });
});
