import bcrypt from 'bcryptjs';
import { newTestService } from '@switchboard/testing';
import { PasswordHasher } from './password-hasher.service.js';

describe('PasswordHasher', () => {
  const { sut } = newTestService(PasswordHasher);

  it('hashes with argon2id in at most 100 characters (the column) and verifies every byte', async () => {
    const long = 'a'.repeat(72);
    const hash = await sut.hash(`${long}-one`);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash.length).toBeLessThanOrEqual(100);
    expect(await sut.verify(`${long}-one`, hash)).toBe(true);
    expect(await sut.verify(`${long}-two`, hash)).toBe(false);
    expect(sut.needsRehash(hash)).toBe(false);
  });

  it('still verifies bcrypt hashes and asks for their replacement', async () => {
    const old = await bcrypt.hash('legacy-password-1', 4);
    expect(await sut.verify('legacy-password-1', old)).toBe(true);
    expect(await sut.verify('legacy-password-2', old)).toBe(false);
    expect(sut.needsRehash(old)).toBe(true);
  });

  it('answers false for a missing account or an unknown hash format', async () => {
    expect(await sut.verify('anything-at-all', null)).toBe(false);
    expect(await sut.verify('anything-at-all', 'not-a-hash')).toBe(false);
  });
});
