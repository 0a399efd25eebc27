// The technician's side of a portal chat's screen sharing (#19). The technician's browser only
// receives: the visitor's browser offers (it has the media), we answer with every transceiver
// `recvonly`, and ICE candidates go both ways over `screen.signal` on the shell's /agent socket.
// The ICE servers (STUN/TURN, TURN credentials made per session by the server) come in the ack
// of `screen.request`.
import type { IceServerConfig, ScreenEndReason, ScreenSignal } from '@switchboard/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_UPLOAD_BYTES } from './files.api';
import { useLive, useLiveEvent } from './live.context';
import { st } from './screen-share.i18n';
import { screenRecordingsApi } from './screen-recordings.api';

export type TechnicianScreenPhase = 'idle' | 'requested' | 'connecting' | 'live';

interface Session {
  id: string;
  iceServers: IceServerConfig[];
  pc: RTCPeerConnection | null;
  /** The admin setting was on when asking (the visitor was told): we record what we receive. */
  record: boolean;
  recorder: MediaRecorder | null;
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
  /** A MediaRecorder is running on the received screen. */
  recording: boolean;
  request(): Promise<void>;
  end(): Promise<void>;
}

/** `onRecorded`: a recording was saved with the case (the list reloads). */
export function useTechnicianScreenShare(conversationId: string, onRecorded?: () => void): TechnicianScreenShare {
  const live = useLive();
  const [recording, setRecording] = useState(false);
  const recorded = useRef(onRecorded);
  recorded.current = onRecorded;
  const [phase, setPhase] = useState<TechnicianScreenPhase>('idle');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const session = useRef<Session | null>(null);

  /**
   * Records the received screen in this browser (low bitrate: a 20 MB upload holds several minutes;
   * it stops itself before the limit) and saves it with the case when the session ends.
   */
  const startRecording = (s: Session, media: MediaStream) => {
    if (!s.record || s.recorder || typeof MediaRecorder === 'undefined') return;
    const type = MediaRecorder.isTypeSupported?.('video/webm;codecs=vp8') ? 'video/webm;codecs=vp8' : 'video/webm';
    const recorder = new MediaRecorder(media, { mimeType: type, videoBitsPerSecond: 300_000 });
    const chunks: Blob[] = [];
    let bytes = 0;
    recorder.ondataavailable = (e) => {
      if (!e.data.size) return;
      chunks.push(e.data);
      bytes += e.data.size;
      if (bytes > MAX_UPLOAD_BYTES - 1024 * 1024 && recorder.state === 'recording') recorder.stop();
    };
    recorder.onstop = () => {
      setRecording(false);
      if (!chunks.length) return;
      setNotice(st('recordingSaving'));
      screenRecordingsApi.save(s.id, new Blob(chunks, { type: 'video/webm' })).then(
        () => {
          setNotice((n) => (n === st('recordingSaving') ? st('recordingSaved') : n));
          recorded.current?.();
        },
        (err: Error) => setNotice(st('recordingFailed', { message: err.message })),
      );
    };
    s.recorder = recorder;
    recorder.start(1000);
    setRecording(true);
  };

  const close = () => {
    const s = session.current;
    if (s?.recorder && s.recorder.state !== 'inactive') s.recorder.stop();
    s?.pc?.close();
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
        const media = e.streams[0] ?? new MediaStream([e.track]);
        setStream(media);
        setPhase('live');
        startRecording(s, media);
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
      // The recording is still saved (the upload outlives this pane).
      if (s?.recorder && s.recorder.state !== 'inactive') s.recorder.stop();
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
    recording,
    async request() {
      if (!live) return;
      setBusy(true);
      setNotice(null);
      try {
        const ack = await live.request('screen.request', { conversationId });
        session.current?.pc?.close();
        session.current = {
          id: ack.sessionId,
          iceServers: ack.iceServers,
          pc: null,
          record: ack.recording,
          recorder: null,
          chain: Promise.resolve(),
        };
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
