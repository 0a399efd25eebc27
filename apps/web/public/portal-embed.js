// @ts-check
// Customer-site widget (plain JS on purpose: it is the source the API serves, see apps/web/README.md).
//   <script src="https://helpdesk.example/p/acme/embed.js" async></script>   (API prepends
//       `window.__SWITCHBOARD_PORTAL__ = { subdomain, origin }`), or
//   <script src="https://helpdesk.example/embed.js" data-portal="acme" async></script>
// A classic, self-contained script (no imports, no framework): it only draws a launcher button and,
// on first click, an iframe with the portal page (`/p/<subdomain>?embed=1`). Everything else (forms,
// chat, socket) runs inside the iframe, on the helpdesk's origin, isolated from the host page.
// `npm run build:web` also writes a minified copy to dist/embed.js and dist/portal-embed.js.
//
// Optional attributes: data-color (launcher colour, default #1f3b73), data-label (accessible name),
// data-position="left" (default right), data-open="true" (start opened).
// Proactive chat (#14): when the portal has invitation rules (`__SWITCHBOARD_PORTAL__.proactive`:
// delaySeconds, urlContains, message, messageFr), the widget invites the visitor after that many
// seconds on a matching page, once per browser session; accepting opens the chat flagged proactive.
(function () {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  const w = /** @type {any} */ (window);
  const given = w.__SWITCHBOARD_PORTAL__ || {};
  const attr = (/** @type {string} */ name) => (script ? script.getAttribute(name) : null);
  const portal = given.subdomain || attr('data-portal') || attr('data-subdomain');
  if (!portal || w.__switchboardEmbed) return;
  w.__switchboardEmbed = 1;

  const origin = given.origin || new URL(script && script.src ? script.src : location.href, location.href).origin;
  const colour = attr('data-color') || given.color || '#1f3b73';
  const side = attr('data-position') === 'left' ? 'left' : 'right';
  const fr = /^fr\b/i.test(navigator.language || '');
  const label = attr('data-label') || (fr ? 'Discuter avec le support' : 'Chat with support');
  const closeLabel = fr ? 'Fermer la discussion' : 'Close chat';
  /** @type {{ delaySeconds: number, urlContains: string[], message: string | null, messageFr: string | null } | null} */
  const proactive = given.proactive || null;

  const host = document.createElement('div');
  host.setAttribute('data-switchboard-embed', portal);
  // Shadow DOM keeps the host page's CSS off the launcher and ours off the page.
  const root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
  const style = document.createElement('style');
  style.textContent =
    `.l{position:fixed;bottom:20px;${side}:20px;z-index:2147483646;width:60px;height:60px;border-radius:50%;border:0;` +
    `background:${colour};color:#fff;cursor:pointer;box-shadow:0 6px 20px rgba(0,0,0,.25);display:grid;place-items:center;padding:0}` +
    `.l:focus-visible{outline:3px solid #2453c4;outline-offset:3px}.l svg{width:28px;height:28px}` +
    `.u{position:absolute;top:2px;right:2px;width:14px;height:14px;border-radius:50%;background:#d92d20;border:2px solid #fff;display:none}` +
    `.f{position:fixed;bottom:92px;${side}:20px;z-index:2147483647;width:380px;height:600px;max-height:calc(100vh - 112px);` +
    `border:0;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.3);background:#fff;display:none}` +
    `.i{position:fixed;bottom:92px;${side}:20px;z-index:2147483646;max-width:300px;background:#fff;color:#1a1a1a;` +
    `border-radius:14px;box-shadow:0 8px 28px rgba(0,0,0,.25);padding:14px 16px;font:15px/1.4 system-ui,sans-serif}` +
    `.i p{margin:0 0 10px}.i div{display:flex;gap:8px}.i button{font:600 14px system-ui,sans-serif;border-radius:8px;padding:7px 12px;cursor:pointer}` +
    `.i .y{background:${colour};color:#fff;border:0}.i .n{background:#fff;color:#1a1a1a;border:1px solid #c8ccd4}` +
    `@media (max-width:480px){.f{inset:0;width:100%;height:100%;max-height:none;border-radius:0}}`;
  root.appendChild(style);

  const CHAT = '<path d="M5 5h14a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H10l-4 3v-3H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z"/>';
  const CLOSE = '<path d="M6 6l12 12M18 6 6 18"/>';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'l';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', label);
  button.setAttribute('data-testid', 'embed-launcher');
  const icon = (/** @type {string} */ paths) =>
    `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round">${paths}</svg><span class="u"></span>`;
  button.innerHTML = icon(CHAT);
  root.appendChild(button);

  /** @type {HTMLIFrameElement | null} */
  let frame = null;
  let open = false;
  /** @type {HTMLElement | null} */
  let invitation = null;

  /** @param {boolean} next @param {boolean} [invited] the visitor accepted the proactive invitation */
  function setOpen(next, invited) {
    open = next;
    closeInvitation();
    if (next && !frame) {
      frame = document.createElement('iframe');
      frame.className = 'f';
      frame.title = label;
      frame.src = `${origin}/p/${encodeURIComponent(portal)}?embed=1${invited ? '&proactive=1' : ''}`;
      // Cross-origin already isolates it; the sandbox additionally keeps it from navigating the host page.
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-downloads');
      // display-capture: the visitor may share their screen with the technician (#19; the browser still asks).
      frame.setAttribute('allow', 'clipboard-write; display-capture');
      frame.setAttribute('data-testid', 'embed-frame');
      root.appendChild(frame);
    }
    if (frame) frame.style.display = next ? 'block' : 'none';
    button.setAttribute('aria-expanded', String(next));
    button.setAttribute('aria-label', next ? closeLabel : label);
    button.innerHTML = icon(next ? CLOSE : CHAT);
    if (next && frame) frame.focus();
  }

  button.addEventListener('click', () => setOpen(!open));

  const inviteKey = `switchboard.invited.${portal}`;
  function closeInvitation() {
    if (invitation) invitation.remove();
    invitation = null;
  }
  /** Once per browser session: shown, accepted or dismissed, it does not come back on the next page. */
  function invitedAlready() {
    try {
      return sessionStorage.getItem(inviteKey) === '1';
    } catch {
      return false;
    }
  }
  function invite() {
    if (open || frame || invitedAlready()) return;
    try {
      sessionStorage.setItem(inviteKey, '1');
    } catch {
      // Private mode: the invitation may show again on the next page; harmless.
    }
    const own = proactive && (fr ? proactive.messageFr || proactive.message : proactive.message);
    invitation = document.createElement('div');
    invitation.className = 'i';
    invitation.setAttribute('role', 'dialog');
    invitation.setAttribute('aria-label', label);
    invitation.setAttribute('data-testid', 'embed-invitation');
    const text = document.createElement('p');
    // textContent: the admin's text is never HTML here.
    text.textContent = own || (fr ? 'Besoin d’aide ? Discutons en direct.' : 'Need help? Chat with us.');
    const actions = document.createElement('div');
    const yes = document.createElement('button');
    yes.type = 'button';
    yes.className = 'y';
    yes.textContent = fr ? 'Discuter' : 'Chat now';
    yes.setAttribute('data-testid', 'embed-invitation-accept');
    yes.addEventListener('click', () => setOpen(true, true));
    const no = document.createElement('button');
    no.type = 'button';
    no.className = 'n';
    no.textContent = fr ? 'Non merci' : 'No thanks';
    no.setAttribute('data-testid', 'embed-invitation-dismiss');
    no.addEventListener('click', closeInvitation);
    actions.append(yes, no);
    invitation.append(text, actions);
    root.appendChild(invitation);
  }
  function scheduleInvitation() {
    if (!proactive || invitedAlready()) return;
    const rules = Array.isArray(proactive.urlContains) ? proactive.urlContains : [];
    if (rules.length && !rules.some((part) => location.href.includes(part))) return;
    setTimeout(invite, Math.max(0, Number(proactive.delaySeconds) || 0) * 1000);
  }
  // The portal page inside the frame asks to close (its own close button / Escape) or flags unread messages.
  window.addEventListener('message', (e) => {
    if (e.origin !== origin || !frame || e.source !== frame.contentWindow) return;
    const data = e.data;
    if (data && data.type === 'switchboard:close') {
      setOpen(false);
      button.focus();
    } else if (data && data.type === 'switchboard:unread' && !open) {
      const dot = /** @type {HTMLElement | null} */ (button.querySelector('.u'));
      if (dot) dot.style.display = 'block';
    }
  });

  const mount = () => {
    document.body.appendChild(host);
    if (attr('data-open') === 'true') setOpen(true);
    else scheduleInvitation();
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
