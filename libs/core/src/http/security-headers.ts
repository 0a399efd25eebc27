import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';

/** The customer portal page: `/p/<subdomain>` (and the portal.html it may hop to). */
const PORTAL_PAGE = /^\/(p\/[^/]+\/?|portal\.html)$/;
/** Loaded by `<script src>` from customers' own sites. */
const EMBED_SCRIPT = /^\/p\/[^/]+\/embed\.js$|^\/(portal-)?embed\.js$/;

/**
 * helmet (#13.13): CSP, frame-ancestors / X-Frame-Options, Referrer-Policy, nosniff, and HSTS when
 * the cookie is Secure (so the site is on HTTPS). The technician app may not be framed at all; the
 * portal page is framed by the embed widget on any customer's site (no per-portal origin list
 * exists), so it allows every ancestor. `isPortalPage` adds pages a lib serves elsewhere (the
 * portal on `<subdomain>.<base domain>/`).
 */
export function securityHeaders(config: AppConfig, isPortalPage: (req: Request) => boolean = () => false) {
  const directives = (frameAncestors: string[]) => ({
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    // index.html carries one small inline script (the /p/ hop): allowed by its hash, nothing else inline.
    scriptSrc: ["'self'", ...inlineScriptHashes(config.webDir)],
    scriptSrcAttr: ["'none'"],
    // Components set style attributes; style injection cannot run script.
    styleSrc: ["'self'", "'unsafe-inline'"],
    // Portal logos are external URLs; the icons are data: URLs; previews may be blob: URLs.
    imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
    fontSrc: ["'self'", 'data:'],
    // 'self' covers same-host ws:/wss: for socket.io.
    connectSrc: ["'self'"],
    mediaSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameSrc: ["'self'", 'blob:'],
    formAction: ["'self'"],
    frameAncestors,
    ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
  });
  const common = {
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  };
  const app = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: directives(["'none'"]) },
    xFrameOptions: { action: 'deny' },
  });
  const portal = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: directives(['*']) },
    xFrameOptions: false,
  });
  const embed = helmet({ ...common, crossOriginResourcePolicy: { policy: 'cross-origin' } });
  return (req: Request, res: Response, next: NextFunction): void => {
    if (EMBED_SCRIPT.test(req.path)) return embed(req, res, next);
    if (PORTAL_PAGE.test(req.path) || isPortalPage(req)) return portal(req, res, next);
    return app(req, res, next);
  };
}

/** `'sha256-…'` of every inline `<script>` of the built HTML pages (read once at boot). */
function inlineScriptHashes(webDir: string | undefined): string[] {
  if (!webDir) return [];
  const hashes = new Set<string>();
  for (const page of ['index.html', 'portal.html']) {
    const file = join(webDir, page);
    if (!existsSync(file)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi))
      hashes.add(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
