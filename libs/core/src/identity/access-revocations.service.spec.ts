import { Logger } from '@nestjs/common';
import { newTestService } from '@switchboard/testing';
import { AccessRevocations } from './access-revocations.service.js';

describe('AccessRevocations', () => {
  afterEach(() => jest.restoreAllMocks());

  it('hands every revocation to every listener, in order, until it unsubscribes', async () => {
    const { sut } = newTestService(AccessRevocations);
    const seen: string[] = [];
    const off = sut.listen((r) => void seen.push(`a ${r.kind}`));
    sut.listen(async (r) => {
      await Promise.resolve();
      seen.push(`b ${r.kind}`);
    });
    await sut.revoke({ kind: 'account-changed', accountId: 'a1' });
    off();
    await sut.revoke({ kind: 'device-ended', deviceId: 'd1', reason: 'removed' });
    expect(seen).toEqual(['a account-changed', 'b account-changed', 'b device-ended']);
  });

  it('logs a failing listener and still runs the others (the change is committed already)', async () => {
    const errors: unknown[] = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void errors.push(args[0]));
    const { sut } = newTestService(AccessRevocations);
    const seen: string[] = [];
    sut.listen(() => {
      throw new Error('boom');
    });
    sut.listen((r) => void seen.push(r.kind));
    await expect(sut.revoke({ kind: 'account-ended', accountId: 'a1', reason: 'password' })).resolves.toBeUndefined();
    expect(seen).toEqual(['account-ended']);
    expect(errors).toHaveLength(1);
  });
});
