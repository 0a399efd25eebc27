import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { FieldErrors, ValidationFailedError } from '../errors/validation-failed.error.js';
import { DtoPrecheck } from './dto-precheck.js';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

cacheValidationMetadata();
const precheck = new DtoPrecheck();

// forbidUnknownValues stays off: it rejects payload classes without decorators (e.g. an empty `{}` event),
// while whitelist + forbidNonWhitelisted already refuse every property a DTO does not declare.
export const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false } as const;

/** Field path → messages, nested properties joined with dots. */
export function toFieldErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out[path] = Object.values(e.constraints);
    if (e.children?.length) Object.assign(out, toFieldErrors(e.children, path));
  }
  return out;
}

export function validationError(errors: ValidationError[]): ValidationFailedError {
  const fieldErrors = toFieldErrors(errors);
  const first = Object.values(fieldErrors)[0]?.[0] ?? 'invalid input';
  return new ValidationFailedError(`Invalid input: ${first}`, fieldErrors);
}

/** Same rules as the HTTP ValidationPipe, for socket payloads and guards that read bodies. */
export async function validateDto<T extends object>(cls: new () => T, input: unknown): Promise<T> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationFailedError('Invalid input: expected a JSON object', { _: ['expected a JSON object'] });
  }
  const valid = precheck.run(cls, input as Record<string, unknown>);
  if (valid) return valid;
  const instance = plainToInstance(cls, input);
  const errors = await validate(instance, VALIDATOR_OPTIONS);
  if (errors.length) throw validationError(errors);
  return instance;
}
