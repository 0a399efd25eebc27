import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { assertSafeInput } from './unsafe-text.guard.js';

/**
 * Runs before the ValidationPipe on every body, query and route parameter (multipart fields and
 * form bodies included, which the HTTP middleware does not see): NUL, lone surrogates and
 * hostile nesting become a 400 naming the field, never a database or stack-overflow 500.
 */
@Injectable()
export class UnsafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value; // principals and other values we produced ourselves
    assertSafeInput(value, metadata.data ?? '');
    return value;
  }
}
