import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@switchboard/core';
import type { PortalProactive } from '../entities/portal.entity.js';

/**
 * The embed script: the web app's `portal-embed.js` (apps/web/public, copied into the built web
 * dir) when present, else a small built-in widget. The server prepends the portal's subdomain,
 * so one static file serves every portal. Origin = where the script was loaded from.
 */
@Injectable()
export class EmbedScriptService {
  private cached: string | null = null;

  constructor(private readonly config: AppConfig) {}

  /** `proactive`: the invitation rules, only while the portal is open (null: the widget never invites). */
  scriptFor(subdomain: string, proactive: PortalProactive | null = null): string {
    // JSON in a script: escape `<` so an admin's text can never close the script element.
    const json = JSON.stringify(proactive ? { subdomain, proactive } : { subdomain }).replace(/</g, '\\u003c');
    const config = `window.__SWITCHBOARD_PORTAL__=${json};\n`;
    return config + this.body();
  }

  private body(): string {
    if (this.cached) return this.cached;
    const candidates = [this.config.webDir && join(this.config.webDir, 'portal-embed.js')].filter(Boolean) as string[];
    const file = candidates.find((f) => existsSync(f));
    this.cached = file ? readFileSync(file, 'utf8') : FALLBACK;
    return this.cached;
  }
}

// Minimal widget: a button that toggles an iframe of /p/<subdomain>?embed=1 (isolated from the host page).
const FALLBACK = `(function(){var c=window.__SWITCHBOARD_PORTAL__||{};var s=document.currentScript;var o=c.origin||(s&&new URL(s.src).origin)||'';
var u=o+'/p/'+encodeURIComponent(c.subdomain)+'?embed=1';var f=null;var b=document.createElement('button');b.type='button';b.textContent='Chat with us';
b.setAttribute('aria-expanded','false');b.style.cssText='position:fixed;right:20px;bottom:20px;z-index:2147483647;padding:12px 18px;border:0;border-radius:24px;background:#0b5fff;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.25)';
b.onclick=function(){if(!f){f=document.createElement('iframe');f.src=u;f.title='Support chat';f.setAttribute('sandbox','allow-scripts allow-forms allow-same-origin allow-popups allow-downloads');f.setAttribute('allow','display-capture');
f.style.cssText='position:fixed;right:20px;bottom:76px;width:380px;height:600px;max-width:calc(100vw - 40px);max-height:calc(100vh - 100px);border:1px solid #ccc;border-radius:12px;z-index:2147483647;background:#fff';document.body.appendChild(f);}
else{f.style.display=f.style.display==='none'?'block':'none';}b.setAttribute('aria-expanded',f.style.display==='none'?'false':'true');};
(document.body?Promise.resolve():new Promise(function(r){document.addEventListener('DOMContentLoaded',r);})).then(function(){document.body.appendChild(b);});})();
`;
