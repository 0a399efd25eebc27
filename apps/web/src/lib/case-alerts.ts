// Incoming-case alerts, kept tiny because the shell loads them on every page: a Web Audio chime (no
// sound file), a browser notification when the tab is in the background, and the "unseen" count that
// drives the red dot (shell menu + Unassigned column). Preferences come from
// GET /api/me/notification-preferences (the settings page pushes changes through setAlertPrefs).
import { request } from './api.client';
import type { CaseCreatedEvent, NotificationPrefs } from './cases.types';
import { clientTexts } from './client-texts.i18n';

let prefs: NotificationPrefs | null = null;
let loading: Promise<void> | null = null;

export function loadAlertPrefs(): Promise<void> {
  // The cases backend may be absent (plugin disabled): then there is simply nothing to alert about.
  loading ??= request<NotificationPrefs>('GET', '/api/me/notification-preferences', undefined, false).then(
    (p) => void (prefs = p),
    () => void (loading = null),
  );
  return loading;
}

export function setAlertPrefs(p: NotificationPrefs): void {
  prefs = p;
}

let audio: AudioContext | null = null;

/** Two short sine notes (~0.35 s). Browsers only allow it after a user gesture on the page (login counts). */
export function chime(): void {
  try {
    const Ctx =
      window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    audio ??= new Ctx();
    if (audio.state === 'suspended') void audio.resume();
    const t0 = audio.currentTime;
    for (const [freq, start] of [
      [880, 0],
      [1320, 0.16],
    ] as const) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, t0 + start);
      gain.gain.exponentialRampToValueAtTime(0.25, t0 + start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + start + 0.18);
      osc.connect(gain).connect(audio.destination);
      osc.start(t0 + start);
      osc.stop(t0 + start + 0.2);
    }
    chimes++;
    document.documentElement.dataset.caseChimes = String(chimes);
  } catch {
    // Audio is a nicety; never let it break the page.
  }
}
let chimes = 0;

/** Server decides `chime` (available + sound on); the browser notification is ours to show when hidden. */
export function alertNewCase(e: CaseCreatedEvent, open: (id: string) => void): void {
  if (e.chime) chime();
  // The server says whether this technician wants it (`browser`: preference on and available).
  const wanted = typeof e.browser === 'boolean' ? e.browser : !!prefs?.browser;
  if (!wanted || !document.hidden || typeof Notification === 'undefined' || Notification.permission !== 'granted')
    return;
  const live = e.case.type === 'live_chat';
  // No customer details in OS notifications (they can show on a locked screen): portal name only.
  const n = new Notification(live ? clientTexts.t('newLiveChat') : clientTexts.t('newSupportRequest'), {
    body: e.case.portal?.name ?? '',
    tag: `case-${e.case.id}`,
  });
  n.onclick = () => {
    window.focus();
    open(e.case.id);
    n.close();
  };
}

/** The Cases page tells the shell when the Unassigned column has been seen (dot cleared). */
export const CASES_SEEN_EVENT = 'sb:cases-seen';
