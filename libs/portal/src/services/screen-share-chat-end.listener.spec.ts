import { ScreenShareChatEndListener } from './screen-share-chat-end.listener';

describe('ScreenShareChatEndListener', () => {
  const setup = () => {
    let handler: ((e: { conversationId: string; channel: string }) => unknown) | null = null;
    const off = jest.fn();
    const events = { subscribe: jest.fn((_name: string, h: typeof handler) => ((handler = h), off)) };
    const screens = { endForChat: jest.fn().mockResolvedValue(undefined) };
    const listener = new ScreenShareChatEndListener(events as never, screens as never);
    listener.onModuleInit();
    return { events, screens, off, listener, fire: (e: { conversationId: string; channel: string }) => handler!(e) };
  };

  it('ends the screen session of a portal chat that is ending', async () => {
    const { events, screens, fire } = setup();
    expect(events.subscribe).toHaveBeenCalledWith('conversation.ending', expect.any(Function));
    await fire({ conversationId: 'c1', channel: 'portal' });
    expect(screens.endForChat).toHaveBeenCalledWith('c1');
  });

  it('ignores other channels without a promise and unsubscribes on destroy', () => {
    const { screens, fire, off, listener } = setup();
    expect(fire({ conversationId: 'c2', channel: 'agent' })).toBeUndefined();
    expect(screens.endForChat).not.toHaveBeenCalled();
    listener.onModuleDestroy();
    expect(off).toHaveBeenCalled();
  });
});
