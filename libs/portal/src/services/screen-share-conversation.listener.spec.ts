import { ScreenShareConversationListener } from './screen-share-conversation.listener';

describe('ScreenShareConversationListener', () => {
  const setup = () => {
    const handlers = new Map<string, (e: { conversationId: string; channel?: string }) => unknown>();
    const off = jest.fn();
    const events = { subscribe: jest.fn((name: string, h: never) => (handlers.set(name, h), off)) };
    const screens = { endForChat: jest.fn().mockResolvedValue(undefined) };
    const recordings = { purge: jest.fn().mockResolvedValue(undefined) };
    const listener = new ScreenShareConversationListener(events as never, screens as never, recordings as never);
    listener.onModuleInit();
    return { screens, recordings, off, listener, handlers };
  };

  it('ends the screen session of a portal chat that is ending', async () => {
    const { screens, handlers } = setup();
    await handlers.get('conversation.ending')!({ conversationId: 'c1', channel: 'portal' });
    expect(screens.endForChat).toHaveBeenCalledWith('c1');
  });

  it('ignores other channels without a promise', () => {
    const { screens, handlers } = setup();
    expect(handlers.get('conversation.ending')!({ conversationId: 'c2', channel: 'agent' })).toBeUndefined();
    expect(screens.endForChat).not.toHaveBeenCalled();
  });

  it('erases the recordings of a purged conversation, and unsubscribes on destroy', async () => {
    const { recordings, handlers, listener, off } = setup();
    await handlers.get('conversation.purged')!({ conversationId: 'c3' });
    expect(recordings.purge).toHaveBeenCalledWith('c3');
    listener.onModuleDestroy();
    expect(off).toHaveBeenCalledTimes(2);
  });
});
