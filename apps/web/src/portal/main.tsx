// Entry of the customer portal page (portal.html → its own small bundle; customers never download
// the technician app). Served by the API for /p/:subdomain (and `/` of <subdomain>.<base domain>).
import { render } from 'preact';
import { PortalApp } from './portal.app';
import { lang } from './i18n';
import { MyTicketsApp, ticketsRoute } from './my-tickets.app';
import { csatRoute, CsatSurveyApp } from './csat-survey.app';
import './portal.css';

function resolveSubdomain(): string | null {
  const path = /^\/p\/([^/]+)(?:\/.*)?$/.exec(location.pathname);
  if (path) return decodeURIComponent(path[1]).toLowerCase();
  // Fallback hop from index.html (/p/acme → /portal.html?s=acme): put the clean address back.
  const params = new URLSearchParams(location.search);
  const s = params.get('s');
  if (s) {
    params.delete('s');
    const rest = params.toString();
    history.replaceState(null, '', `/p/${encodeURIComponent(s)}${rest ? `?${rest}` : ''}`);
    return s.toLowerCase();
  }
  // https://acme.helpdesk.example/ : the first DNS label names the portal.
  const labels = location.hostname.split('.');
  return labels.length > 2 && !/^\d+$/.test(labels[labels.length - 1]) ? labels[0].toLowerCase() : null;
}

document.documentElement.lang = lang;
const embedded = new URLSearchParams(location.search).get('embed') === '1';
const subdomain = resolveSubdomain();
// /p/<subdomain>/csat?token=…: the mailed satisfaction survey (no sign-in).
const survey = subdomain ? csatRoute(location.pathname, location.search) : null;
// /p/<subdomain>/sign-in, /tickets, /tickets/<n>, /new: My tickets inside the portal's frame.
const tickets = subdomain && !survey ? ticketsRoute(location.pathname, location.search) : null;
render(
  <PortalApp subdomain={subdomain} embedded={embedded}>
    {survey && subdomain ? (
      <CsatSurveyApp subdomain={subdomain} token={survey.token} score={survey.score} />
    ) : tickets && subdomain ? (
      <MyTicketsApp subdomain={subdomain} initial={tickets} />
    ) : null}
  </PortalApp>,
  document.getElementById('portal')!,
);
