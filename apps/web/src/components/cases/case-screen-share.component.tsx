// The case pane's screen sharing block (#19): "Request screen sharing" for the technician of a
// live portal chat (when the portal allows it and this browser has WebRTC), "Waiting for the
// customer…" until the visitor answers, then their screen live in the pane with Fit / Full
// screen / End. The chat goes on whatever happens here.
import { useEffect, useRef, useState } from 'preact/hooks';
import { casesApi } from '../../lib/cases.api';
import type { CaseView } from '../../lib/cases.types';
import { st } from '../../lib/screen-share.i18n';
import { useTechnicianScreenShare } from '../../lib/technician-screen-share.hook';

export function CaseScreenShare({ c, onRecorded }: { c: CaseView; onRecorded?: () => void }) {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const supported = typeof RTCPeerConnection !== 'undefined';

  useEffect(() => {
    setAllowed(null);
    casesApi.portal(c.portal.id).then(
      (p) => setAllowed(!!p.screenSharing),
      () => setAllowed(false),
    );
  }, [c.portal.id]);

  return (
    <section class="case-screen" aria-labelledby="case-screen-title" data-testid="case-screen-share">
      <h3 id="case-screen-title" class="case-section-title">
        {st('title')}
      </h3>
      {!supported ? (
        <p class="muted small" data-testid="screen-share-unsupported">
          {st('unsupported')}
        </p>
      ) : allowed === false ? (
        <p class="muted small" data-testid="screen-share-not-allowed">
          {st('notAllowed')}
        </p>
      ) : (
        <ScreenShareControls conversationId={c.conversationId} ready={allowed === true} onRecorded={onRecorded} />
      )}
    </section>
  );
}

function ScreenShareControls({
  conversationId,
  ready,
  onRecorded,
}: {
  conversationId: string;
  ready: boolean;
  onRecorded?: () => void;
}) {
  const share = useTechnicianScreenShare(conversationId, onRecorded);
  const [fit, setFit] = useState(true);
  const video = useRef<HTMLVideoElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const showing = share.phase === 'connecting' || share.phase === 'live';

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    el.srcObject = share.stream;
    if (share.stream) el.play().catch(() => undefined);
  }, [share.stream, showing]);

  const fullScreen = () => {
    stage.current?.requestFullscreen?.().catch(() => undefined);
  };

  return (
    <div data-phase={share.phase} data-testid="screen-share-controls">
      {share.phase === 'idle' && (
        <button
          type="button"
          class="btn btn-ghost"
          onClick={() => void share.request()}
          disabled={!ready || share.busy}
          data-testid="screen-share-request"
        >
          {st('request')}
        </button>
      )}
      {share.phase === 'requested' && (
        <div class="case-screen-row">
          <p role="status" class="case-screen-status" data-testid="screen-share-waiting">
            {st('waiting')}
          </p>
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            onClick={() => void share.end()}
            disabled={share.busy}
            data-testid="screen-share-cancel"
          >
            {st('cancel')}
          </button>
        </div>
      )}
      {showing && (
        <>
          <p role="status" class="case-screen-status muted small" data-testid="screen-share-status">
            {share.phase === 'live' ? st('live') : st('connecting')}
            {share.recording && (
              <span class="pill pill-off case-screen-rec" data-testid="screen-share-recording">
                ● {st('recordingBadge')}
              </span>
            )}
          </p>
          <div class={`case-screen-stage${fit ? ' is-fit' : ''}`} ref={stage}>
            <video
              ref={video}
              autoplay
              playsInline
              muted
              aria-label={st('videoLabel')}
              data-testid="screen-share-video"
            />
          </div>
          <div class="case-screen-row">
            <button
              type="button"
              class="btn btn-ghost btn-sm"
              aria-pressed={fit}
              onClick={() => setFit(!fit)}
              data-testid="screen-share-fit"
            >
              {fit ? st('actualSize') : st('fit')}
            </button>
            <button
              type="button"
              class="btn btn-ghost btn-sm"
              onClick={fullScreen}
              data-testid="screen-share-fullscreen"
            >
              {st('fullScreen')}
            </button>
            <button
              type="button"
              class="btn btn-danger btn-sm"
              onClick={() => void share.end()}
              disabled={share.busy}
              data-testid="screen-share-end"
            >
              {st('end')}
            </button>
          </div>
        </>
      )}
      {share.notice && (
        <p class="muted small" role="status" data-testid="screen-share-notice">
          {share.notice}
        </p>
      )}
    </div>
  );
}
