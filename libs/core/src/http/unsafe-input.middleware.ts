import type { NextFunction, Request, Response } from 'express';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { assertSafeInput } from '../validation/unsafe-text.guard.js';

/**
 * Checks the URL path, the query and the JSON body before any guard or handler reads them (the
 * login guard reads the body before pipes run): NUL, lone surrogates, malformed percent-encoding
 * and deep nesting are a 400 in our error shape.
 */
export function unsafeInputMiddleware(req: Request, res: Response, next: NextFunction): void {
  try {
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      throw new ValidationFailedError('Invalid input: the URL path has malformed percent-encoding', {
        path: ['malformed percent-encoding'],
      });
    }
    assertSafeInput(path, 'path');
    assertSafeInput(req.query);
    assertSafeInput(req.body);
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) return next(error);
    res.status(400).json({ statusCode: 400, error: error.code, message: error.message, details: error.details });
    return;
  }
  next();
}
