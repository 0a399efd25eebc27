import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/app-config.js';
import { cookieRequestAllowed, isCookieAuthenticated, requestOrigin } from '../auth/origin-policy.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Login sets the cookie: a foreign page must not sign the browser into the attacker's account either. */
const LOGIN_PATH = '/api/auth/login';

/**
 * CSRF defence (#13.5): a state-changing request authenticated by the session cookie must come
 * from a page of this site (Origin, else Referer). Bearer, device and portal tokens are sent by
 * script explicitly, so a foreign page cannot make the browser attach them: those pass.
 */
export function originCheck(config: AppConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
    const guarded = isCookieAuthenticated(req.headers, cookies) || isLogin(req.path);
    if (!guarded || cookieRequestAllowed(req.headers, config)) return next();
    res.status(403).json({
      statusCode: 403,
      error: 'FORBIDDEN',
      message: `Cross-site request refused: origin ${requestOrigin(req.headers)} is not this site (see SWITCHBOARD_PUBLIC_URL, SWITCHBOARD_ALLOWED_ORIGINS)`,
    });
  };
}

/** Express routes ignore case and a trailing slash: so does this test. */
function isLogin(path: string): boolean {
  return path.toLowerCase().replace(/\/+$/, '') === LOGIN_PATH;
}
