// The technician's side of a portal chat's screen sharing (#19). The technician's browser only
// receives: the visitor's browser offers (it has the media), we answer with every transceiver
// `recvonly`, and ICE candidates go both ways over `screen.signal` on the shell's /agent socket.
// The ICE servers (STUN/TURN, TURN credentials made per session by the server) come in the ack
// of `screen.request`.
import type { IceServerConfig, ScreenEndReason, ScreenSignal } from '@switchboard/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLive, useLiveEvent } from './live.context';
import { st } from './screen-share.i18n';

export type TechnicianScreenPhase = 'idle' | 'requested' | 'connecting' | 'live';

interface Session {
  id: string;
  iceServers: IceServerConfig[];
  pc: RTCPeerConnection | null;
  /** Signals are handled one after the other (an ICE candidate needs the offer applied first). */
  chain: Promise<void>;
}

const ENDED_TEXT: Record<ScreenEndReason, Parameters<typeof st>[0]> = {
  declined: 'endedDeclined',
  stopped_by_customer: 'endedStopped',
  ended_by_technician: 'endedByYou',
  chat_ended: 'endedChat',
  replaced: 'endedReplaced',
};

export interface TechnicianScreenShare {
  phase: TechnicianScreenPhase;
  stream: MediaStream | null;
  /** What happened last (the customer declined, stopped...), or an error. */
  notice: string | null;
  busy: boolean;
  request(): Promise<void>;
  end(): Promise<void>;
}

export function useTechnicianScreenShare(conversationId: string): TechnicianScreenShare {
  const live = useLive();
  const [phase, setPhase] = useState<TechnicianScreenPhase>('idle');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const session = useRef<Session | null>(null);

  const close = () => {
    session.current?.pc?.close();
    session.current = null;
    setStream(null);
    setPhase('idle');
  };

  const fail = (err: unknown) => {
    const s = session.current;
    close();
    setNotice(st('failed', { message: (err as Error)?.message ?? String(err) }));
    // Tell the visitor's side too (it would otherwise keep sharing into nothing).
    if (s) live?.request('screen.end', { sessionId: s.id }).catch(() => undefined);
  };

  const signal = (s: Session, sig: ScreenSignal) => live!.request('screen.signal', { sessionId: s.id, ...sig });

  const handle = async (s: Session, sig: ScreenSignal) => {
    if (sig.type === 'offer') {
      s.pc?.close();
      const pc = new RTCPeerConnection({ iceServers: s.iceServers });
      s.pc = pc;
      pc.ontrack = (e) => {
        if (session.current !== s) return;
        setStream(e.streams[0] ?? new MediaStream([e.track]));
        setPhase('live');
      };
      // The visitor's page went away without a word (crash, network): end it rather than show a frozen frame.
      pc.onconnectionstatechange = () => {
        if (pc.connectionState === 'failed' && session.current === s) fail(new Error(st('connectionLost')));
      };
      pc.onicecandidate = (e) => {
        if (!e.candidate || session.current !== s) return;
        signal(s, {
          type: 'candidate',
          candidate: e.candidate.candidate,
          sdpMid: e.candidate.sdpMid,
          sdpMLineIndex: e.candidate.sdpMLineIndex,
        }).catch(() => undefined);
      };
      await pc.setRemoteDescription({ type: 'offer', sdp: sig.sdp });
      // We only watch: nothing of ours (camera, microphone) is ever offered back.
      for (const t of pc.getTransceivers()) t.direction = 'recvonly';
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      await signal(s, { type: 'answer', sdp: answer.sdp ?? '' });
    } else if (sig.type === 'candidate' && s.pc) {
      await s.pc.addIceCandidate({ candidate: sig.candidate, sdpMid: sig.sdpMid, sdpMLineIndex: sig.sdpMLineIndex });
    }
  };

  useLiveEvent('screen.accepted', (p) => {
    if (p.sessionId === session.current?.id) setPhase('connecting');
  });
  useLiveEvent('screen.signal', (p) => {
    const s = session.current;
    if (!s || p.sessionId !== s.id) return;
    s.chain = s.chain.then(() => (session.current === s ? handle(s, p.signal) : undefined)).catch(fail);
  });
  useLiveEvent('screen.ended', (p) => {
    if (p.sessionId !== session.current?.id) return;
    close();
    setNotice(st(ENDED_TEXT[p.reason] ?? 'endedStopped'));
  });

  // Signals go to the socket that asked: after a reconnect (new socket) the session cannot go on.
  useLiveEvent('connect', () => {
    const s = session.current;
    if (!s) return;
    close();
    setNotice(st('reconnected'));
    live?.request('screen.end', { sessionId: s.id }).catch(() => undefined);
  });

  // Leaving the case (or the chat ending, which unmounts us) ends an open session.
  useEffect(
    () => () => {
      const s = session.current;
      if (s) live?.request('screen.end', { sessionId: s.id }).catch(() => undefined);
      s?.pc?.close();
      session.current = null;
    },
    [conversationId],
  );

  return {
    phase,
    stream,
    notice,
    busy,
    async request() {
      if (!live) return;
      setBusy(true);
      setNotice(null);
      try {
        const ack = await live.request('screen.request', { conversationId });
        session.current?.pc?.close();
        session.current = { id: ack.sessionId, iceServers: ack.iceServers, pc: null, chain: Promise.resolve() };
        setPhase('requested');
      } catch (err) {
        setNotice((err as Error).message);
      } finally {
        setBusy(false);
      }
    },
    async end() {
      const s = session.current;
      if (!s || !live) return;
      setBusy(true);
      try {
        await live.request('screen.end', { sessionId: s.id });
        // The `screen.ended` event closes and says so; if it was already over, close here.
        if (session.current === s) {
          close();
          setNotice(st('endedByYou'));
        }
      } catch (err) {
        close();
        setNotice((err as Error).message);
      } finally {
        setBusy(false);
      }
    },
  };
}
