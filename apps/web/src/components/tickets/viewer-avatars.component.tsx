// Who else is looking at this ticket: up to five avatars (me first, set apart), the rest in a dropdown.
import { useRef, useState } from 'preact/hooks';
import type { Viewer } from '../../lib/tickets.types';
import { avatarColour, initials } from '../../lib/format';
import { useDismiss } from '../../lib/dismiss.hook';
import { tp } from '../../lib/ticket-page.i18n';

interface Props {
  viewers: Viewer[];
  meId: string;
}

const MAX_AVATARS = 5;

function Avatar({ viewer, me }: { viewer: Viewer; me: boolean }) {
  const name = me ? tp('you', { name: viewer.name }) : viewer.name;
  return (
    <li
      class={`viewer${me ? ' is-me' : ''}`}
      data-testid="viewer-avatar"
      data-account-id={viewer.accountId}
      data-me={me ? 'true' : undefined}
      title={name}
    >
      <span class="avatar avatar-sm" style={{ background: avatarColour(viewer.accountId) }} aria-hidden="true">
        {initials(viewer.name)}
      </span>
      <span class="visually-hidden">{name}</span>
    </li>
  );
}

export function ViewerAvatars({ viewers, meId }: Props) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useDismiss(open, wrap, trigger, () => setOpen(false));

  const mine = viewers.find((v) => v.accountId === meId);
  const others = viewers.filter((v) => v.accountId !== meId);
  const room = MAX_AVATARS - (mine ? 1 : 0);
  const shown = others.slice(0, room);
  const rest = others.slice(room);
  if (!viewers.length) return null;

  return (
    <div class="viewers" ref={wrap} data-testid="ticket-viewers">
      <span class="visually-hidden" aria-live="polite">
        {others.length === 0 ? tp('nobodyViewing') : tp('othersViewing', { count: others.length })}
      </span>
      <ul class="viewer-list" aria-label={tp('viewingNow')}>
        {mine && <Avatar viewer={mine} me />}
        {mine && shown.length > 0 && <li class="viewer-sep" aria-hidden="true" />}
        {shown.map((v) => (
          <Avatar key={v.accountId} viewer={v} me={false} />
        ))}
      </ul>
      {rest.length > 0 && (
        <div class="dropdown">
          <button
            ref={trigger}
            type="button"
            class="viewers-more"
            aria-expanded={open}
            aria-controls="viewers-panel"
            aria-label={tp('moreViewing', { count: rest.length })}
            onClick={() => setOpen(!open)}
            data-testid="viewers-more"
          >
            +{rest.length}
          </button>
          {open && (
            <div id="viewers-panel" class="panel viewers-panel" data-testid="viewers-more-list">
              <ul class="viewers-more-list">
                {rest.map((v) => (
                  <li key={v.accountId} data-testid="viewer-more-item" data-account-id={v.accountId}>
                    <span class="avatar avatar-sm" style={{ background: avatarColour(v.accountId) }} aria-hidden="true">
                      {initials(v.name)}
                    </span>
                    {v.name}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
