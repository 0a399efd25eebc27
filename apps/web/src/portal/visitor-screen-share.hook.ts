// The visitor's side of screen sharing (#19), on the chat's /portal socket. The technician asks
// (`screen.requested`); "Share my screen" opens the browser's own picker (getDisplayMedia: the
// visitor picks a window, a tab or the screen, the browser shows it is shared), then we accept and
// offer (this side has the media); the technician's browser answers. Stopping from the browser's
// own bar ends the track, which ends the session like "Stop sharing". A browser without screen
// capture (phones) declines at once with the reason, so the technician is not left waiting.
import type { ClientEmits, IceServerConfig, ScreenSignal, ServerEventListeners } from '@switchboard/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { S, t } from './i18n';
import { emit } from './visitor-chat.hook';

export type VisitorScreenPhase = 'idle' | 'asked' | 'starting' | 'sharing';

interface Session {
  id: string;
  iceServers: IceServerConfig[];
  pc: RTCPeerConnection | null;
  stream: MediaStream | null;
  chain: Promise<void>;
}

export interface VisitorScreenShare {
  phase: VisitorScreenPhase;
  /** The technician who asked. */
  asker: string | null;
  /** The session is recorded (the admin setting): said before the visitor chooses, and while sharing. */
  recorded: boolean;
  notice: string | null;
  share(): Promise<void>;
  decline(): void;
  stop(): void;
}

type PortalSocket = Socket<ServerEventListeners, ClientEmits>;

export function canShareScreen(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getDisplayMedia === 'function' &&
    typeof RTCPeerConnection !== 'undefined'
  );
}

export function useVisitorScreenShare(socket: PortalSocket | null): VisitorScreenShare {
  const [phase, setPhase] = useState<VisitorScreenPhase>('idle');
  const [asker, setAsker] = useState<string | null>(null);
  const [recorded, setRecorded] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const current = useRef<Session | null>(null);

  const release = () => {
    const s = current.current;
    current.current = null;
    s?.stream?.getTracks().forEach((track) => track.stop());
    s?.pc?.close();
    setPhase('idle');
  };

  const send = (s: Session, signal: ScreenSignal) =>
    socket ? emit(socket, 'screen.signal', { sessionId: s.id, ...signal }) : Promise.reject(new Error('offline'));

  useEffect(() => {
    if (!socket) return;
    const onRequested: ServerEventListeners['screen.requested'] = (p) => {
      release();
      if (!canShareScreen()) {
        setNotice(S.screenUnsupported);
        emit(socket, 'screen.decline', { sessionId: p.sessionId, reason: 'unsupported' }).catch(() => undefined);
        return;
      }
      current.current = { id: p.sessionId, iceServers: p.iceServers, pc: null, stream: null, chain: Promise.resolve() };
      setAsker(p.technician.name);
      setRecorded(!!p.recording);
      setNotice(null);
      setPhase('asked');
    };
    const onSignal: ServerEventListeners['screen.signal'] = (p) => {
      const s = current.current;
      if (!s || s.id !== p.sessionId) return;
      const sig = p.signal;
      s.chain = s.chain
        .then(async () => {
          if (!s.pc) return;
          if (sig.type === 'answer') await s.pc.setRemoteDescription({ type: 'answer', sdp: sig.sdp });
          else if (sig.type === 'candidate')
            await s.pc.addIceCandidate({
              candidate: sig.candidate,
              sdpMid: sig.sdpMid,
              sdpMLineIndex: sig.sdpMLineIndex,
            });
        })
        .catch(() => undefined);
    };
    const onEnded: ServerEventListeners['screen.ended'] = (p) => {
      if (current.current?.id !== p.sessionId) return;
      release();
      if (p.reason === 'ended_by_technician') setNotice(S.screenEndedByAgent);
    };
    // A request made while this page was not connected (reload, network drop) is asked again.
    const pending = () => {
      emit<{ request: Parameters<typeof onRequested>[0] | null }>(socket, 'screen.pending', {}).then(
        ({ request }) => {
          if (request && !current.current) onRequested(request);
        },
        () => undefined,
      );
    };
    // Closing or reloading the page while sharing: tell the technician now, not never.
    const leaving = () => {
      const s = current.current;
      if (s?.stream && socket.connected) socket.emit('screen.end', { sessionId: s.id }, () => undefined);
    };
    socket.on('screen.requested', onRequested);
    socket.on('screen.signal', onSignal);
    socket.on('screen.ended', onEnded);
    socket.on('connect', pending);
    if (socket.connected) pending();
    window.addEventListener('pagehide', leaving);
    return () => {
      socket.off('screen.requested', onRequested);
      socket.off('screen.signal', onSignal);
      socket.off('screen.ended', onEnded);
      socket.off('connect', pending);
      window.removeEventListener('pagehide', leaving);
    };
  }, [socket]);

  // Leaving the chat page while sharing stops the capture and tells the technician.
  useEffect(
    () => () => {
      const s = current.current;
      if (s?.stream && socket?.connected) emit(socket, 'screen.end', { sessionId: s.id }).catch(() => undefined);
      s?.stream?.getTracks().forEach((track) => track.stop());
      s?.pc?.close();
      current.current = null;
    },
    [socket],
  );

  const stop = () => {
    const s = current.current;
    if (!s) return;
    release();
    setNotice(S.screenStopped);
    if (socket) emit(socket, 'screen.end', { sessionId: s.id }).catch(() => undefined);
  };

  return {
    phase,
    asker,
    recorded,
    notice,
    async share() {
      const s = current.current;
      if (!s || !socket) return;
      setPhase('starting');
      setNotice(null);
      let stream: MediaStream;
      try {
        stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      } catch {
        // Cancelled in the browser's picker (or refused by the browser): the request stays open.
        if (current.current === s) setPhase('asked');
        setNotice(S.screenNotStarted);
        return;
      }
      if (current.current !== s) {
        stream.getTracks().forEach((track) => track.stop());
        return;
      }
      s.stream = stream;
      try {
        const accepted = await emit<{ iceServers: IceServerConfig[] }>(socket, 'screen.accept', { sessionId: s.id });
        const pc = new RTCPeerConnection({ iceServers: accepted.iceServers ?? s.iceServers });
        s.pc = pc;
        // Candidates wait for the offer to be on its way (the other side needs it first).
        let offered = false;
        const early: ScreenSignal[] = [];
        pc.onicecandidate = (e) => {
          if (!e.candidate || current.current !== s) return;
          const sig: ScreenSignal = {
            type: 'candidate',
            candidate: e.candidate.candidate,
            sdpMid: e.candidate.sdpMid,
            sdpMLineIndex: e.candidate.sdpMLineIndex,
          };
          if (offered) send(s, sig).catch(() => undefined);
          else early.push(sig);
        };
        for (const track of stream.getTracks()) {
          pc.addTrack(track, stream);
          // "Stop sharing" in the browser's own bar ends the track: the session ends with it.
          track.addEventListener('ended', () => {
            if (current.current === s) stop();
          });
        }
        const offer = await pc.createOffer();
        await pc.setLocalDescription(offer);
        await send(s, { type: 'offer', sdp: offer.sdp ?? '' });
        offered = true;
        for (const sig of early.splice(0)) send(s, sig).catch(() => undefined);
        if (current.current === s) setPhase('sharing');
      } catch {
        if (current.current === s) {
          release();
          setNotice(S.genericError);
          emit(socket, 'screen.end', { sessionId: s.id }).catch(() => undefined);
        }
      }
    },
    decline() {
      const s = current.current;
      if (!s || !socket) return;
      release();
      setNotice(S.screenDeclined);
      emit(socket, 'screen.decline', { sessionId: s.id }).catch(() => undefined);
    },
    stop,
  };
}

/** "Jane would like to see your screen." in the visitor's language. */
export function askText(name: string | null): string {
  return t('screenAsk', { name: name || S.agentFallback });
}
