import { AiProviderRegistry, DomainEventBus, PiiMasker } from '@switchboard/core';
import type { SentimentProvider } from '@switchboard/plugin-sdk';
import { newTestService } from '@switchboard/testing';
import { TicketSentimentService } from '@switchboard/tickets';
import { SENTIMENT_MESSAGES, SentimentRecomputeService } from './sentiment-recompute.service.js';

const comment = (body: string) => ({ body, createdAt: new Date('2026-01-01T10:00:00Z') });

function setup(provider: SentimentProvider | null) {
  // The real registry (a plain holder), filled like the plugin host does.
  const registry = new AiProviderRegistry();
  if (provider) registry.use('sentiment', 'feature-sentiment', provider);
  const t = newTestService(SentimentRecomputeService, { types: [[AiProviderRegistry, registry]] });
  t.fake(PiiMasker).maskText.mockImplementation((text: string) => text.replace(/\d{4} \d{4} \d{4} \d{4}/g, '[CARD]'));
  t.fake(TicketSentimentService).endUserConversation.mockResolvedValue({
    ticketId: 't1',
    companyId: 'co1',
    messages: [comment('My card 4111 1111 1111 1111 was charged twice'), comment('STILL BROKEN!!!')],
  } as never);
  t.fake(TicketSentimentService).apply.mockResolvedValue(true);
  return t;
}

describe('SentimentRecomputeService', () => {
  it('classifies the masked latest end-user messages and stores the label', async () => {
    const classify = jest.fn(async () => ({ label: 'negative' as const, score: -3 }));
    const t = setup({ classify });
    expect(await t.sut.recompute({ number: 9 })).toBe(true);
    expect(t.fake(TicketSentimentService).endUserConversation).toHaveBeenCalledWith(9, SENTIMENT_MESSAGES);
    expect(classify).toHaveBeenCalledWith(
      [
        { text: 'My card [CARD] was charged twice', at: '2026-01-01T10:00:00.000Z', language: null },
        { text: 'STILL BROKEN!!!', at: '2026-01-01T10:00:00.000Z', language: null },
      ],
      { signal: expect.any(AbortSignal) },
    );
    expect(t.fake(PiiMasker).maskText).toHaveBeenCalledWith(expect.any(String), 'co1');
    // The score is clamped to -1..1.
    expect(t.fake(TicketSentimentService).apply).toHaveBeenCalledWith(9, 'negative', -1, 'feature-sentiment');
  });

  it('without a provider (plugin disabled) nothing is read or written', async () => {
    const t = setup(null);
    expect(await t.sut.recompute({ number: 9 })).toBe(false);
    expect(t.fake(TicketSentimentService).endUserConversation).not.toHaveBeenCalled();
    expect(t.fake(TicketSentimentService).apply).not.toHaveBeenCalled();
  });

  it('an unknown label from the provider is refused, nothing stored', async () => {
    const t = setup({ classify: async () => ({ label: 'angry' as never, score: 0 }) });
    await expect(t.sut.recompute({ number: 9 })).rejects.toThrow('unknown label');
    expect(t.fake(TicketSentimentService).apply).not.toHaveBeenCalled();
  });

  it('subscribes to comments: only public end-user ones recompute; failures are logged, never thrown', async () => {
    const classify = jest.fn(async () => {
      throw new Error('provider down');
    });
    const t = setup({ classify });
    let handler: ((e: object) => unknown) | undefined;
    t.fake(DomainEventBus).subscribe.mockImplementation((_name, h) => {
      handler = h as (e: object) => unknown;
      return () => undefined;
    });
    t.sut.onModuleInit();
    const base = {
      number: 9,
      ticketId: 't1',
      companyId: 'co1',
      commentId: 'c',
      source: 'email',
      body: '',
      truncated: false,
    };
    expect(handler!({ ...base, visibility: 'internal', authorKind: 'account' })).toBeUndefined();
    expect(handler!({ ...base, visibility: 'public', authorKind: 'account' })).toBeUndefined();
    expect(handler!({ ...base, visibility: 'public', authorKind: 'system' })).toBeUndefined();
    await expect(handler!({ ...base, visibility: 'public', authorKind: 'contact' })).resolves.toBeUndefined();
    expect(classify).toHaveBeenCalledTimes(1);
  });
});
