import { newTestService } from '@switchboard/testing';
import { PasswordPolicy } from './password-policy.service.js';

describe('PasswordPolicy', () => {
  const { sut } = newTestService(PasswordPolicy);

  it('accepts a long, uncommon password', () => {
    expect(() => sut.assertAcceptable('violet-kettle-orbit-42')).not.toThrow();
  });

  it('refuses fewer than 12 characters, counted by code point', () => {
    expect(() => sut.assertAcceptable('short-pass1')).toThrow(/at least 12 characters/);
    expect(() => sut.assertAcceptable('😀😀😀😀😀😀')).toThrow(/at least 12 characters/);
  });

  it('refuses common passwords, keyboard walks and repetitions', () => {
    for (const p of ['password1234', '1q2w3e4r5t6y', 'qwertyuiopasdfgh', 'abcabcabcabc'])
      expect(() => sut.assertAcceptable(p)).toThrow(/too common or too easy to guess/);
  });

  it('refuses more than 200 characters and names the field it was given', () => {
    expect(() => sut.assertAcceptable('x'.repeat(201), 'SWITCHBOARD_ADMIN_PASSWORD')).toThrow(
      /SWITCHBOARD_ADMIN_PASSWORD must be at most 200/,
    );
  });
});
