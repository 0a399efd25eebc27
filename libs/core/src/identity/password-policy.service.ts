import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ValidationFailedError } from '../errors/validation-failed.error.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's score 3: about 10^8 guesses or more; below are common passwords, keyboard walks, repetitions. */
const MIN_SCORE = 3;

/**
 * The password rules for every way a password is set (account form, API, SWITCHBOARD_ADMIN_PASSWORD):
 * at least 12 characters and not guessable from zxcvbn's common-password list (the 49k passwords of
 * @zxcvbn-ts/language-common, with its keyboard-pattern, sequence and repetition matchers on top).
 */
@Injectable()
export class PasswordPolicy {
  // Built on first use: loading the dictionaries costs ~100 ms, not needed by every process.
  private zxcvbn: ZxcvbnFactory | undefined;

  /** Throws a 400 naming the broken rule. */
  assertAcceptable(password: string, field = 'password'): void {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH)
      throw this.refuse(field, `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`);
    if (length > PASSWORD_MAX_LENGTH)
      throw this.refuse(field, `${field} must be at most ${PASSWORD_MAX_LENGTH} characters`);
    this.zxcvbn ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
    if (this.zxcvbn.check(password).score < MIN_SCORE)
      throw this.refuse(
        field,
        `${field} is too common or too easy to guess (common passwords, keyboard patterns and repetitions are refused)`,
      );
  }

  private refuse(field: string, message: string): ValidationFailedError {
    return new ValidationFailedError(`Invalid input: ${message}`, { [field]: [message] });
  }
}
