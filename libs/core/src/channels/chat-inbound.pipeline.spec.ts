import { ChatInboundPipeline, type ChatInbound } from './chat-inbound.pipeline.js';

const message: ChatInbound<{ kind: string; id: string }> = {
  channel: 'portal',
  sender: { kind: 'contact', id: 'c1' },
  conversationId: 'conv-1',
  body: 'hello',
  clientId: 'k-1',
  maxLength: 1000,
  originSocketId: 's1',
};

describe('ChatInboundPipeline', () => {
  it('hands the message, sender and thread as given, to the registered destination, and returns its promise as is', async () => {
    const pipeline = new ChatInboundPipeline();
    const delivered = Promise.resolve({ seq: 3 });
    const deliver = jest.fn(() => delivered);
    pipeline.register('conversation', deliver);
    const result = pipeline.receive('conversation', message);
    // No wrapper promise (no extra tick on the group-committed hot path).
    expect(result).toBe(delivered);
    await expect(result).resolves.toEqual({ seq: 3 });
    expect(deliver).toHaveBeenCalledWith(message);
  });

  it('refuses a second destination of the same name', () => {
    const pipeline = new ChatInboundPipeline();
    pipeline.register('conversation', async () => null);
    expect(() => pipeline.register('conversation', async () => null)).toThrow(/already registered/);
  });

  it('rejects (never throws synchronously) when nothing handles the destination', async () => {
    const pipeline = new ChatInboundPipeline();
    const result = pipeline.receive('conversation', message);
    await expect(result).rejects.toMatchObject({ code: 'CHANNEL_NOT_HANDLED' });
  });
});
