import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/validation-failed.error.js';

/** The largest value of an `integer` column on PostgreSQL; a bigger one made it answer 500. */
export const MAX_DB_INTEGER = 2_147_483_647;

/** ParseIntPipe with the column's range: a positive integer up to MAX_DB_INTEGER, else a 400 naming the parameter. */
@Injectable()
export class DbIntegerPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    const name = metadata.data ?? 'value';
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > MAX_DB_INTEGER) {
      const message = `${name} must be a whole number from 1 to ${MAX_DB_INTEGER}`;
      throw new ValidationFailedError(`Invalid input: ${message}`, { [name]: [message] });
    }
    return n;
  }
}
