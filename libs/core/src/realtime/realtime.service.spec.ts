import { jest } from '@jest/globals';
import { newTestService } from '@switchboard/testing';
import { Server, type Namespace } from 'socket.io';
import { PiiMasker } from '../privacy/pii-masker.service.js';
import { RedisConnection } from '../redis/redis-connection.service.js';
import { RealtimeService } from './realtime.service.js';

/** A real socket.io namespace (in-memory adapter, no transport): rooms hold socket ids only. */
function namespace(io: Server, name: string): { ns: Namespace; broadcasts: string[] } {
  const ns = io.of(name);
  const broadcasts: string[] = [];
  const broadcast = ns.adapter.broadcast.bind(ns.adapter);
  jest.spyOn(ns.adapter, 'broadcast').mockImplementation((packet, opts) => {
    broadcasts.push(`${[...opts.rooms].join(',')} except ${[...(opts.except ?? [])].join(',')}`);
    broadcast(packet, opts);
  });
  return { ns, broadcasts };
}

describe('RealtimeService', () => {
  let io: Server;
  // Not attached to an HTTP server: nothing to close.
  beforeEach(() => (io = new Server()));

  function build(redis: boolean) {
    const t = newTestService(RealtimeService, { types: [[RedisConnection, { enabled: redis }]] });
    t.fake(PiiMasker).maskPayload.mockImplementation(<T>(p: T) => p);
    const portal = namespace(io, '/portal');
    t.sut.attach('portal', portal.ns);
    return { t, portal };
  }

  it('one instance: skips a room that holds nobody but the sender (nothing encoded, nothing masked)', () => {
    const { t, portal } = build(false);
    portal.ns.adapter.addAll('visitor-1', new Set(['conversation:c1']));

    t.sut.emit('portal', 'conversation:c1', 'conversation.typing', {} as never, 'visitor-1');
    t.sut.emit('portal', 'conversation:empty', 'conversation.typing', {} as never);
    expect(portal.broadcasts).toEqual([]);

    // Someone else in the room, or no sender to leave out: it goes out.
    t.sut.emit('portal', 'conversation:c1', 'conversation.typing', {} as never);
    portal.ns.adapter.addAll('visitor-2', new Set(['conversation:c1']));
    t.sut.emit('portal', 'conversation:c1', 'conversation.typing', {} as never, 'visitor-1');
    expect(portal.broadcasts).toEqual(['conversation:c1 except ', 'conversation:c1 except visitor-1']);
  });

  it('with Redis: always broadcasts (other instances may hold the room)', () => {
    const { t, portal } = build(true);
    portal.ns.adapter.addAll('visitor-1', new Set(['conversation:c1']));
    t.sut.emit('portal', 'conversation:c1', 'conversation.typing', {} as never, 'visitor-1');
    t.sut.emit('portal', 'conversation:empty', 'conversation.typing', {} as never);
    expect(portal.broadcasts).toEqual(['conversation:c1 except visitor-1', 'conversation:empty except ']);
  });

  it('several rooms at once are never skipped (one packet for them all)', () => {
    const { t, portal } = build(false);
    t.sut.emit('portal', ['a', 'b'], 'conversation.typing', {} as never);
    expect(portal.broadcasts).toEqual(['a,b except ']);
  });
});
