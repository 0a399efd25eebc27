import { ConflictError, type Clock } from '@switchboard/core';
import { strictFake } from '@switchboard/testing';
import type { MessageEntity } from '../entities/message.entity.js';
import type { BatchOutcome } from '../repositories/message-batch.js';
import type { MessageRepository } from '../repositories/message.repository.js';
import { MessageWriter, type MessageDraft } from './message-writer.service.js';

const AT = new Date('2026-01-01T00:00:00Z');
const clock = strictFake<Clock>('Clock', { now: () => AT });
const facts = { lastSeq: 0, channel: 'portal', companyId: 'co1' };

function draft(conversationId: string, clientId: string | null, body = 'hi'): MessageDraft {
  return {
    conversationId,
    authorKind: 'contact',
    authorContactId: 'c1',
    authorName: 'Visitor',
    kind: 'text',
    body,
    clientId,
  };
}

/** A repository whose commits the test completes by hand, to observe what is settled when. */
function deferredRepo(maxConcurrentCommits = 1) {
  const commits: Array<{ rows: MessageEntity[]; finish(outcomes?: BatchOutcome[]): void; fail(e: Error): void }> = [];
  const repo = strictFake<MessageRepository>('MessageRepository', {
    maxConcurrentCommits,
    commitBatch: (rows: MessageEntity[]) =>
      new Promise<BatchOutcome[]>((resolve, reject) => {
        commits.push({
          rows,
          finish: (outcomes) =>
            resolve(outcomes ?? rows.map((r, i) => ((r.seq = i + 1), { kind: 'written' as const, facts }))),
          fail: reject,
        });
      }),
  });
  return { repo, commits };
}

const turn = () => new Promise((r) => setImmediate(r));

describe('MessageWriter', () => {
  it('writes the messages of one event-loop turn in one commit and acknowledges only after it', async () => {
    const { repo, commits } = deferredRepo();
    const writer = new MessageWriter(repo, clock);
    let settled = 0;
    const results = [writer.write(draft('a', 'm1')), writer.write(draft('b', 'm2')), writer.write(draft('a', 'm3'))];
    results.forEach((p) => void p.then(() => settled++));
    await turn();
    expect(commits).toHaveLength(1);
    expect(commits[0].rows.map((r) => r.clientId)).toEqual(['m1', 'm2', 'm3']);
    await turn();
    expect(settled).toBe(0);
    commits[0].finish();
    const written = await Promise.all(results);
    expect(written.map((w) => [w.duplicate, w.message.seq, w.conversation])).toEqual([
      [false, 1, { channel: 'portal', companyId: 'co1' }],
      [false, 2, { channel: 'portal', companyId: 'co1' }],
      [false, 3, { channel: 'portal', companyId: 'co1' }],
    ]);
  });

  it('batches what arrives during a commit and keeps at most maxConcurrentCommits in flight', async () => {
    const { repo, commits } = deferredRepo(2);
    const writer = new MessageWriter(repo, clock);
    const first = writer.write(draft('a', 'm1'));
    await turn();
    const second = writer.write(draft('b', 'm2'));
    await turn();
    const third = [writer.write(draft('a', 'm3')), writer.write(draft('c', 'm4'))];
    await turn();
    expect(commits.map((c) => c.rows.length)).toEqual([1, 1]);
    commits[0].finish();
    await first;
    await turn();
    await turn();
    expect(commits.map((c) => c.rows.map((r) => r.clientId))).toEqual([['m1'], ['m2'], ['m3', 'm4']]);
    commits[1].finish();
    commits[2].finish();
    await Promise.all([second, ...third]);
  });

  it('holds a conversation with a commit in flight back for the next batch (no waiting on its row lock)', async () => {
    const { repo, commits } = deferredRepo(3);
    const writer = new MessageWriter(repo, clock);
    const first = writer.write(draft('a', 'm1'));
    await turn();
    const later = [writer.write(draft('a', 'm2')), writer.write(draft('b', 'm3'))];
    await turn();
    expect(commits.map((c) => c.rows.map((r) => r.clientId))).toEqual([['m1'], ['m3']]);
    commits[0].finish();
    await first;
    await turn();
    await turn();
    expect(commits.map((c) => c.rows.map((r) => r.clientId))).toEqual([['m1'], ['m3'], ['m2']]);
    commits[1].finish();
    commits[2].finish();
    await Promise.all(later);
  });

  it('answers a repeated clientId in the same batch with the one row written', async () => {
    const { repo, commits } = deferredRepo();
    const writer = new MessageWriter(repo, clock);
    const a = writer.write(draft('a', 'same'));
    const b = writer.write(draft('a', 'same'));
    await turn();
    expect(commits[0].rows).toHaveLength(1);
    commits[0].finish();
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.duplicate).toBe(false);
    expect(rb).toEqual({ message: ra.message, duplicate: true });
  });

  it('settles stored and ended outcomes without delivery facts', async () => {
    const { repo, commits } = deferredRepo();
    const writer = new MessageWriter(repo, clock);
    const earlier = { id: 'old', seq: 7 } as MessageEntity;
    const stored = writer.write(draft('a', 'old'));
    const ended = writer.write(draft('b', 'x'));
    await turn();
    commits[0].finish([{ kind: 'stored', message: earlier }, { kind: 'ended' }]);
    await expect(stored).resolves.toEqual({ message: earlier, duplicate: true });
    await expect(ended).rejects.toBeInstanceOf(ConflictError);
  });

  it('retries a failed batch one by one so one bad message does not fail its neighbours', async () => {
    const { repo, commits } = deferredRepo();
    const writer = new MessageWriter(repo, clock);
    const good = writer.write(draft('a', null));
    const bad = writer.write(draft('b', null));
    await turn();
    commits[0].fail(new Error('constraint'));
    await turn();
    commits[1].finish();
    await turn();
    commits[2].fail(new Error('still bad'));
    await expect(good).resolves.toMatchObject({ duplicate: false });
    await expect(bad).rejects.toThrow('still bad');
  });
});
