import { newTestService } from '@switchboard/testing';
import { SecretBox } from './secret-box.service';
import { SecretKeyError } from './secret-key.error';
import { SecretKeyRing } from './secret-key-ring';

const OLD = 'old-secret-key-0123456789abcdefghijklmnopq';
const NEW = 'new-secret-key-0123456789abcdefghijklmnopq';
const box = (current: string, previous: string[] = []) =>
  newTestService(SecretBox, { types: [[SecretKeyRing, new SecretKeyRing(current, previous)]] }).sut;

describe('SecretBox', () => {
  it('seals with AES-256-GCM into enc:v1:<kid>:<iv>:<tag>:<ct> and opens it again', () => {
    const b = box(NEW);
    const sealed = b.seal('smtp://user:pass@relay:587');
    expect(sealed).toMatch(/^enc:v1:[0-9a-f]{8}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('pass');
    expect(b.open(sealed)).toBe('smtp://user:pass@relay:587');
    expect(b.seal('x')).not.toBe(b.seal('x'));
    expect(b.needsReseal(sealed)).toBe(false);
  });

  it('passes plaintext from before encryption through, and says it needs sealing', () => {
    expect(box(NEW).open('legacy')).toBe('legacy');
    expect(box(NEW).needsReseal('legacy')).toBe(true);
  });

  it('reads values sealed with a previous key and asks for a reseal', () => {
    const sealed = box(OLD).seal('secret');
    const rotating = box(NEW, [OLD]);
    expect(rotating.open(sealed)).toBe('secret');
    expect(rotating.needsReseal(sealed)).toBe(true);
  });

  it('a key it does not hold is a SecretKeyError naming the key id, never garbage', () => {
    const sealed = box(OLD).seal('secret');
    expect(() => box(NEW).open(sealed, 'the webhook secret')).toThrow(SecretKeyError);
    expect(() => box(NEW).open(sealed, 'the webhook secret')).toThrow(/the webhook secret was encrypted with key id/);
  });

  it('a tampered ciphertext fails authentication', () => {
    const b = box(NEW);
    const sealed = b.seal('secret');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => b.open(tampered)).toThrow(/does not decrypt/);
  });

  it('refuses keys shorter than 32 characters', () => {
    expect(() => new SecretKeyRing('short')).toThrow(/at least 32 characters/);
  });
});
