// Cases dashboard (lazy chunk): columns Unassigned / My cases / All cases (newest first, live through
// `case.created/updated/deleted` on the /agent socket), a red dot on Unassigned for new cases not yet
// seen there, and the selected case's details (/cases/:id). Contract: libs/cases/README.md.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { CASES_SEEN_EVENT } from '../lib/case-alerts';
import { casesApi } from '../lib/cases.api';
import type { CaseView, CaseViewName } from '../lib/cases.types';
import { useCaseFeed } from '../lib/case-feed.hook';
import { useLive, useLiveEvent } from '../lib/live.context';
import { navigate } from '../lib/router.hook';
import { PageTitle } from '../components/page-title.component';
import { CaseItem } from '../components/cases/case-item.component';
import { CaseDetail } from '../components/cases/case-detail.component';
import { useNow } from '../components/cases/case-format';
import { casesMessages } from '../lib/cases.i18n';

interface Props {
  me: Me;
  caseId: string | null;
}

const { t } = casesMessages;
// Tab labels are catalogue keys, translated in render (a language switch follows).
const VIEWS: { key: CaseViewName; label: 'viewUnassigned' | 'viewMine' | 'viewAll' }[] = [
  { key: 'unassigned', label: 'viewUnassigned' },
  { key: 'mine', label: 'viewMine' },
  { key: 'all', label: 'viewAll' },
];
const VIEW_KEY = 'switchboard.cases.view';

function belongs(view: CaseViewName, c: CaseView, me: Me): boolean {
  if (view === 'unassigned') return c.status === 'unassigned';
  if (view === 'mine') return c.assignee?.id === me.id && c.status !== 'resolved';
  return true;
}

function initialView(): CaseViewName {
  const q = new URLSearchParams(location.search).get('view');
  const stored = (() => {
    try {
      return localStorage.getItem(VIEW_KEY);
    } catch {
      return null;
    }
  })();
  const v = q ?? stored;
  return v === 'mine' || v === 'all' || v === 'unassigned' ? v : 'unassigned';
}

type ListState = { status: 'idle' | 'loading' | 'ready' | 'error'; cursor: string | null; error?: string };

export function CasesPage({ me, caseId }: Props) {
  const live = useLive();
  const now = useNow(1000);
  const [view, setView] = useState<CaseViewName>(initialView);
  const [cases, setCases] = useState<Record<string, CaseView>>({});
  const casesRef = useRef(cases);
  casesRef.current = cases;
  const [lists, setLists] = useState<Record<CaseViewName, ListState>>({
    unassigned: { status: 'idle', cursor: null },
    mine: { status: 'idle', cursor: null },
    all: { status: 'idle', cursor: null },
  });
  const [unseen, setUnseen] = useState(0);
  const [gone, setGone] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const viewRef = useRef(view);
  viewRef.current = view;
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});

  const upsert = (items: CaseView[]) =>
    setCases((map) => {
      const next = { ...map };
      for (const c of items) {
        const old = next[c.id];
        // Ignore stale copies (an older REST answer racing a newer socket event).
        if (!old || !old.updatedAt || !c.updatedAt || old.updatedAt <= c.updatedAt) next[c.id] = c;
      }
      return next;
    });

  const load = (v: CaseViewName, more = false) => {
    setLists((l) => ({ ...l, [v]: { ...l[v], status: 'loading' } }));
    casesApi.list(v, more ? lists[v].cursor : null).then(
      (page) => {
        upsert(page.items);
        setLists((l) => ({ ...l, [v]: { status: 'ready', cursor: page.nextCursor } }));
        if (typeof page.unseen === 'number') setUnseen(page.unseen);
        if (v === 'unassigned') markSeen();
      },
      (err) =>
        setLists((l) => ({
          ...l,
          [v]: { ...l[v], status: 'error', error: err instanceof ApiError ? err.message : t('loadFailed') },
        })),
    );
  };

  // "Looking at the Unassigned column" = it is the open column and the tab is visible.
  const looking = () => viewRef.current === 'unassigned' && document.visibilityState === 'visible';
  const markSeen = () => {
    if (!looking()) return;
    setUnseen(0);
    dispatchEvent(new Event(CASES_SEEN_EVENT));
    casesApi.seen().catch(() => undefined);
  };

  useEffect(() => {
    try {
      localStorage.setItem(VIEW_KEY, view);
    } catch {
      /* private mode */
    }
    load(view);
  }, [view]);

  useEffect(() => {
    const onVisible = () => looking() && markSeen();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // The live list: this socket watches the Cases feed while the page is open (again on each connect).
  useCaseFeed();
  // After a reconnect we may have missed events: reload what is on screen.
  useEffect(() => (live ? live.on('connect', () => load(viewRef.current)) : undefined), [live]);

  // Unavailable technicians get no incoming cases live (server side) and no red dot. Turning available
  // again: reload what is on screen (with the unseen count that drives the dot).
  const available = me.availability === 'available';
  const availableRef = useRef(available);
  availableRef.current = available;
  const wasAvailable = useRef(available);
  useEffect(() => {
    if (available === wasAvailable.current) return;
    wasAvailable.current = available;
    if (!available) return setUnseen(0);
    // The other columns reload whenever they are opened.
    load(viewRef.current);
  }, [available]);

  useLiveEvent('case.created', (e) => {
    if (!e?.case || !availableRef.current) return;
    upsert([e.case]);
    setAnnouncement(
      t(e.case.type === 'live_chat' ? 'newLiveChat' : 'newSupportRequest', {
        portal: e.case.portal?.name ?? t('aPortal'),
      }),
    );
    if (looking()) markSeen();
    // A case that just arrived while we were not looking is unseen, whatever the count says (the
    // server compares timestamps; a case created in the same instant as our last visit counts 0).
    else setUnseen((n) => Math.max(typeof e.unseen === 'number' ? e.unseen : n + 1, 1));
  });
  useLiveEvent('case.updated', (e) => {
    if (!e?.case) return;
    // While unavailable, an update must not slip a new unassigned case into the list.
    if (!availableRef.current && e.case.status === 'unassigned' && !casesRef.current[e.case.id]) return;
    upsert([e.case]);
  });
  useLiveEvent('case.deleted', (e) => {
    if (!e?.caseId) return;
    setCases((map) => {
      const next = { ...map };
      delete next[e.caseId];
      return next;
    });
    if (e.caseId === caseId) setGone(e.caseId);
  });

  // The selected case: from the lists if we have it, else fetched (deep link, notification click).
  const selected = caseId ? cases[caseId] : undefined;
  const [selectError, setSelectError] = useState<string | null>(null);
  useEffect(() => {
    setSelectError(null);
    setGone(null);
    if (!caseId) return;
    let alive = true;
    casesApi.get(caseId).then(
      (c) => alive && upsert([c]),
      (err) =>
        alive && setSelectError(err instanceof ApiError && err.status === 404 ? t('notFound') : t('caseLoadFailed')),
    );
    return () => {
      alive = false;
    };
  }, [caseId]);

  const items = Object.values(cases)
    .filter((c) => belongs(view, c, me))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const list = lists[view];
  const back = () => navigate(`/cases`);

  const onTabKey = (e: KeyboardEvent, i: number) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length].key;
    setView(next);
    tabs.current[next]?.focus();
  };

  return (
    <>
      <PageTitle title={t('title')}>{t('title')}</PageTitle>
      <div class={`cases-layout${caseId ? ' has-selection' : ''}`} data-testid="cases-page">
        <section class="cases-list-pane card card-flush" aria-label={t('lists')}>
          <div class="tabs cases-tabs" role="tablist" aria-label={t('columns')}>
            {VIEWS.map((v, i) => (
              <button
                key={v.key}
                ref={(el) => void (tabs.current[v.key] = el)}
                type="button"
                role="tab"
                id={`cases-tab-${v.key}`}
                class="tab"
                aria-selected={view === v.key}
                aria-controls="cases-column"
                tabIndex={view === v.key ? 0 : -1}
                onClick={() => setView(v.key)}
                onKeyDown={(e) => onTabKey(e, i)}
                data-testid={`cases-tab-${v.key}`}
              >
                {t(v.label)}
                {v.key === 'unassigned' && available && unseen > 0 && view !== 'unassigned' && (
                  <span class="unseen-dot" data-testid="cases-unassigned-dot" title={t('unseen', { count: unseen })}>
                    <span class="visually-hidden">{` (${t('unseen', { count: unseen })})`}</span>
                  </span>
                )}
              </button>
            ))}
          </div>
          <div
            id="cases-column"
            role="tabpanel"
            aria-labelledby={`cases-tab-${view}`}
            aria-busy={list.status === 'loading'}
            data-testid={`cases-column-${view}`}
          >
            {list.status === 'error' && (
              <p class="form-error case-list-msg" role="alert">
                {list.error}{' '}
                <button type="button" class="link-btn" onClick={() => load(view)}>
                  {t('retry')}
                </button>
              </p>
            )}
            {items.length === 0 && list.status === 'ready' && (
              <p class="case-empty muted" data-testid="cases-empty">
                {view === 'unassigned' ? t('emptyUnassigned') : view === 'mine' ? t('emptyMine') : t('emptyAll')}
              </p>
            )}
            {items.length === 0 && list.status === 'loading' && (
              <div class="page-loading" role="status" aria-label={t('loadingCases')} />
            )}
            <ul class="case-list" data-testid="case-list">
              {items.map((c) => (
                <CaseItem key={c.id} c={c} now={now} selected={c.id === caseId} />
              ))}
            </ul>
            {list.cursor && (
              <div class="load-more">
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  onClick={() => load(view, true)}
                  disabled={list.status === 'loading'}
                >
                  {t('loadMore')}
                </button>
              </div>
            )}
          </div>
        </section>
        <section class="case-detail-pane" aria-label={t('details')}>
          {selected && !gone ? (
            <CaseDetail
              key={selected.id}
              c={selected}
              me={me}
              now={now}
              onChange={(c) => upsert([c])}
              onDeleted={(id) => {
                setCases((map) => {
                  const next = { ...map };
                  delete next[id];
                  return next;
                });
                setAnnouncement(t('deleted'));
                back();
              }}
              onBack={back}
            />
          ) : (
            <div class="empty-state case-placeholder">
              {gone ? (
                <p role="status" data-testid="case-gone">
                  {t('gone')}
                </p>
              ) : selectError ? (
                <p role="alert">{selectError}</p>
              ) : caseId ? (
                <div class="page-loading" role="status" aria-label={t('loadingCase')} />
              ) : (
                <>
                  <h2>{t('selectTitle')}</h2>
                  <p>{t('selectHint')}</p>
                </>
              )}
            </div>
          )}
        </section>
      </div>
      <div class="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
