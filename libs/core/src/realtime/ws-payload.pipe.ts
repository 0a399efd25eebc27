import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { validateDto } from '../validation/validate-dto.js';
import { assertSafeInput } from '../validation/unsafe-text.guard.js';

const PLAIN = new Set<unknown>([String, Number, Boolean, Object, Array, undefined]);

/** Socket payloads get exactly the HTTP body rules (whitelist, forbid unknown fields, typed DTOs). */
@Injectable()
export class WsPayloadPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body') return value;
    // Before class-transformer recurses into it: NUL, lone surrogates and deep nesting are a 400 ack.
    assertSafeInput(value);
    if (PLAIN.has(metadata.metatype)) return value;
    // No payload at all (emit('event') with only an ack) counts as {}.
    return validateDto(metadata.metatype as new () => object, value === undefined ? {} : value);
  }
}
