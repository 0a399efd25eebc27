import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { AgentConfig } from '../config-store.js';
import { call, connect, ServerError } from '../connection.js';
import type { ChatView, DeviceState, MessageView, RequestResult } from '../device-types.js';
import { downloadFile, sendFileData } from '../http.js';
import { errorText, text, type Lang } from '../i18n/agent-texts.js';

/** Where the window is: one screen at a time, plus the technician's request pop-up over it. */
export type Phase =
  | 'idle'
  | 'disabled'
  | 'confirm-contact'
  | 'identity'
  | 'identity-code'
  | 'waiting'
  | 'busy'
  | 'describe'
  | 'ticket-created'
  | 'chat'
  | 'ended';

export interface ChatMessage {
  seq: number;
  kind: MessageView['kind'];
  body: string;
  author: { kind: string; name: string };
  file: { fileId: string; name: string; size: number } | null;
  createdAt: string;
}

/** Everything the window shows: sent whole to the page on every change (it is small). */
export interface SessionState {
  connection: 'connecting' | 'online' | 'offline' | 'unauthorized';
  device: { name: string; contact: string | null; chatEnabled: boolean } | null;
  phase: Phase;
  request: { conversationId: string; technician: string } | null;
  chat: {
    id: string;
    technician: string;
    ticket: number | null;
    messages: ChatMessage[];
    earlier: ChatView['earlier'] | null;
    endedReason: string | null;
  } | null;
  typing: string | null;
  identity: { email: string; name: string | null } | null;
  ticket: { number: number } | null;
  /** The last thing the user should be told: a key of the window's texts, or a server message. */
  notice: { key: string; message?: string; vars?: Record<string, string | number> } | null;
}

/**
 * The helpdesk agent's chat logic for the desktop window: the same /device protocol as the
 * terminal agent, but driven by buttons (`act`) instead of typed answers, with the result kept
 * as one state object the window renders. Reconnects by itself and resumes the chat.
 */
export class DesktopSession {
  private socket!: Socket;
  private readonly listeners = new Set<(state: SessionState) => void>();
  private waitingFor: string | null = null;
  private closed = false;
  readonly state: SessionState = {
    connection: 'connecting',
    device: null,
    phase: 'idle',
    request: null,
    chat: null,
    typing: null,
    identity: null,
    ticket: null,
    notice: null,
  };
  /** Called when a technician asks to chat (the desktop mode opens the window if nobody looks). */
  onRequest: (() => void) | null = null;
  /** Every state change as one event line (tests and scripts, like the terminal's `@event`). */
  onEvent: ((type: string, data: Record<string, unknown>) => void) | null = null;

  constructor(
    private readonly config: AgentConfig,
    private readonly lang: Lang,
  ) {}

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  get watchers(): number {
    return this.listeners.size;
  }

  private changed(event?: string, data: Record<string, unknown> = {}): void {
    for (const l of this.listeners) l(this.state);
    if (event) this.onEvent?.(event, data);
  }

  private notice(key: string, vars?: Record<string, string | number>, message?: string): void {
    this.state.notice = { key, vars, message };
  }

  start(): void {
    this.socket = connect(this.config);
    this.socket.on('connect', () => void this.guard(() => this.onConnect()));
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.state.connection = 'offline';
      this.changed('disconnected', { reason });
      // Like the terminal agent: a server going down is not retried by socket.io; spread the return.
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1000 + Math.random() * 4000);
    });
    this.socket.on('connect_error', (err) => {
      if (this.closed) return;
      if (err.message === 'unauthorized') {
        this.state.connection = 'unauthorized';
        this.socket.close();
        this.changed('error', { code: 'UNAUTHORIZED' });
      } else if (this.state.connection !== 'offline') {
        this.state.connection = 'offline';
        this.changed('reconnecting', { message: err.message });
      }
    });
    this.socket.on('chat.requested', (p: { chat: ChatView; technician: { name: string } }) =>
      this.showRequest(p.chat, p.technician.name),
    );
    this.socket.on(
      'chat.started',
      (p: { chat: ChatView; technician: { name: string } }) =>
        void this.guard(() => this.enterChat(p.chat, p.technician.name)),
    );
    this.socket.on('chat.busy', (p: { chat: ChatView }) => {
      if (this.waitingFor !== p.chat.id) return;
      this.showBusy();
    });
    this.socket.on('chat.closed', (p: { chat: ChatView; reason: string; text: string }) =>
      this.onClosed(p.chat, p.reason, p.text),
    );
    this.socket.on('chat.updated', (p: { chat: ChatView }) => {
      if (p.chat.ticket && this.state.chat?.id === p.chat.id) {
        this.state.chat.ticket = p.chat.ticket.number;
        this.changed('ticket', { number: p.chat.ticket.number });
      }
    });
    this.socket.on('conversation.message', (p: { conversationId: string; message: MessageView }) => {
      if (this.state.chat?.id === p.conversationId) this.show(p.message);
    });
    this.socket.on(
      'conversation.typing',
      (p: { conversationId: string; typing: boolean; author: { kind: string; name: string } }) => {
        if (this.state.chat?.id !== p.conversationId || p.author.kind !== 'technician') return;
        this.state.typing = p.typing ? p.author.name : null;
        this.changed('typing', { name: p.author.name, typing: p.typing });
      },
    );
  }

  private async onConnect(): Promise<void> {
    const snapshot = await call<DeviceState>(this.socket, 'chat.state');
    const d = snapshot.device;
    this.state.connection = 'online';
    this.state.device = { name: d.name, contact: d.contact?.name ?? null, chatEnabled: d.chatEnabled };
    const active = snapshot.chats.find((c) => c.status === 'active');
    if (this.state.chat && this.state.phase === 'chat' && active?.id !== this.state.chat.id) {
      this.state.phase = 'ended';
      this.notice('ended');
    }
    this.changed('connected', { name: d.name, contact: d.contact?.name ?? null, chatEnabled: d.chatEnabled });
    if (active) return this.enterChat(active, active.technician?.name ?? '');
    const request = snapshot.chats.find((c) => c.status === 'waiting' && c.initiatedBy === 'technician');
    if (request) return this.showRequest(request, request.technician?.name ?? '');
    const mine = snapshot.chats.find((c) => c.status === 'waiting' && c.initiatedBy === 'contact');
    if (mine) {
      this.waitingFor = mine.id;
      this.state.phase = 'waiting';
      this.changed();
    }
  }

  private showRequest(chat: ChatView, technician: string): void {
    if (this.state.phase === 'chat' || this.state.request?.conversationId === chat.id) return;
    this.state.request = { conversationId: chat.id, technician };
    this.state.chat = null;
    this.pendingEarlier = chat.earlier ?? null;
    this.changed('request', { conversationId: chat.id, technician });
    this.onRequest?.();
  }

  private pendingEarlier: ChatView['earlier'] | null = null;

  private async enterChat(chat: ChatView, technician: string): Promise<void> {
    if (this.state.chat?.id !== chat.id || this.state.phase !== 'chat') {
      this.state.chat = {
        id: chat.id,
        technician,
        ticket: chat.ticket?.number ?? null,
        messages: [],
        earlier: chat.earlier ?? this.pendingEarlier ?? null,
        endedReason: null,
      };
      this.state.request = null;
      this.state.phase = 'chat';
      this.state.notice = null;
      this.waitingFor = null;
      this.changed('started', { conversationId: chat.id, technician });
    }
    const current = this.state.chat!;
    const afterSeq = current.messages.at(-1)?.seq ?? 0;
    const joined = await call<{ messages: MessageView[] }>(this.socket, 'chat.join', {
      conversationId: chat.id,
      afterSeq,
    });
    for (const m of joined.messages) this.show(m);
  }

  private show(m: MessageView): void {
    const chat = this.state.chat;
    if (!chat || m.conversationId !== chat.id || chat.messages.some((x) => x.seq === m.seq)) return;
    chat.messages.push({
      seq: m.seq,
      kind: m.kind,
      body: m.body,
      author: m.author,
      file: m.file ? { fileId: m.file.fileId, name: m.file.name, size: m.file.size } : null,
      createdAt: m.createdAt,
    });
    chat.messages.sort((a, b) => a.seq - b.seq);
    if (m.author.kind === 'technician') this.state.typing = null;
    this.changed('message', {
      conversationId: m.conversationId,
      seq: m.seq,
      kind: m.kind,
      author: m.author,
      body: m.body,
    });
  }

  private onClosed(chat: ChatView, reason: string, text: string): void {
    if (this.state.request?.conversationId === chat.id) {
      this.state.request = null;
      this.notice(reason === 'not_accepted' ? 'expired' : `reason_${reason}`, undefined, text);
      this.changed('expired', { conversationId: chat.id, reason });
      return;
    }
    if (this.waitingFor === chat.id && reason === 'busy') return this.showBusy();
    if (this.state.chat?.id !== chat.id) return;
    this.state.chat.endedReason = reason;
    this.state.phase = 'ended';
    this.state.typing = null;
    this.notice(`reason_${reason}`, undefined, text);
    this.changed('ended', { conversationId: chat.id, reason });
  }

  private showBusy(): void {
    const conversationId = this.waitingFor;
    this.waitingFor = null;
    this.state.phase = 'busy';
    this.changed('busy', { conversationId });
  }

  /** The window's buttons. Unknown or out-of-place actions are 400s from the local server. */
  async act(action: string, input: Record<string, unknown>): Promise<void> {
    if (this.state.connection !== 'online' && action !== 'dismiss')
      throw new ServerError('OFFLINE', text(this.lang, 'notConnected'), 409);
    const str = (k: string) => (typeof input[k] === 'string' ? (input[k] as string).trim() : '');
    switch (action) {
      case 'start-chat':
        return this.startChat();
      case 'chat-as':
        return this.request();
      case 'someone-else':
        this.state.phase = 'identity';
        this.state.identity = null;
        return this.changed('prompt', { kind: 'identity' });
      case 'identity':
        return this.identityStart(str('firstName'), str('lastName'), str('email'));
      case 'identity-code':
        return this.identityConfirm(str('code'));
      case 'cancel':
        this.state.phase = 'idle';
        this.state.identity = null;
        return this.changed();
      case 'accept':
        return this.accept(true);
      case 'decline':
        return this.accept(false);
      case 'send':
        return this.send(str('body'));
      case 'typing':
        if (this.state.phase === 'chat')
          await call(this.socket, 'chat.typing', {
            conversationId: this.state.chat!.id,
            typing: input.typing === true,
          });
        return;
      case 'end':
        if (this.state.phase !== 'chat') throw new ServerError('CONFLICT', text(this.lang, 'noChat'), 409);
        await call(this.socket, 'chat.end', { conversationId: this.state.chat!.id });
        return;
      case 'retry':
        return this.request();
      case 'describe':
        this.state.phase = 'describe';
        return this.changed('prompt', { kind: 'describe' });
      case 'ticket':
        return this.createTicket(str('description'));
      case 'dismiss':
        this.state.notice = null;
        if (this.state.phase === 'ended' || this.state.phase === 'ticket-created') this.state.phase = 'idle';
        return this.changed();
      default:
        throw new ServerError('BAD_REQUEST', `Unknown action "${action}"`, 400);
    }
  }

  /** Start chat (the tray menu or the window): chat off → say so; then who is there; then ask. */
  async startChat(): Promise<void> {
    if (this.state.phase === 'chat' || this.state.phase === 'waiting') return;
    this.state.notice = null;
    this.state.ticket = null;
    if (!this.state.device?.chatEnabled) {
      this.state.phase = 'disabled';
      return this.changed('chat-disabled', { code: 'CHAT_DISABLED' });
    }
    this.state.phase = this.state.device.contact ? 'confirm-contact' : 'identity';
    this.changed('prompt', { kind: this.state.phase });
  }

  private async request(): Promise<void> {
    let result: RequestResult;
    try {
      result = await call<RequestResult>(this.socket, 'chat.request');
    } catch (error) {
      if (error instanceof ServerError && error.code === 'IDENTITY_REQUIRED') {
        this.state.phase = 'identity';
        return this.changed('prompt', { kind: 'identity' });
      }
      throw error;
    }
    if (result.status === 'busy') return this.showBusy();
    if (result.status === 'active') return this.enterChat(result.chat, result.chat.technician?.name ?? '');
    this.waitingFor = result.chat.id;
    this.state.phase = 'waiting';
    this.state.notice = null;
    this.changed('waiting', { conversationId: result.chat.id });
  }

  private async identityStart(firstName: string, lastName: string, email: string): Promise<void> {
    if (!firstName || !lastName || !email)
      throw new ServerError('VALIDATION_FAILED', text(this.lang, 'identityMissing'), 400);
    const sent = await call<{ email: string }>(this.socket, 'identity.start', {
      firstName,
      lastName,
      email,
      // The code mail goes out in the agent's language, and the confirmed contact keeps it.
      language: this.lang,
    });
    this.state.identity = { email: sent.email, name: null };
    this.state.phase = 'identity-code';
    this.notice('codeSent', { email: sent.email });
    this.changed('identity-sent', { email: sent.email });
  }

  private async identityConfirm(code: string): Promise<void> {
    if (!code) throw new ServerError('VALIDATION_FAILED', text(this.lang, 'codeMissing'), 400);
    const { contact } = await call<{ contact: { name: string } }>(this.socket, 'identity.confirm', { code });
    if (this.state.device) this.state.device.contact = contact.name;
    this.state.identity = null;
    this.notice('thanks', { name: contact.name });
    this.changed('identity-confirmed', { name: contact.name });
    await this.request();
  }

  private async accept(yes: boolean): Promise<void> {
    const request = this.state.request;
    if (!request) throw new ServerError('CONFLICT', text(this.lang, 'noRequest'), 409);
    if (yes) {
      const { chat } = await call<{ chat: ChatView }>(this.socket, 'chat.accept', {
        conversationId: request.conversationId,
      });
      await this.enterChat(chat, request.technician);
    } else {
      await call(this.socket, 'chat.decline', { conversationId: request.conversationId });
      this.state.request = null;
      this.notice('declined');
      this.changed('declined', { conversationId: request.conversationId });
    }
  }

  private async send(body: string): Promise<void> {
    const chat = this.state.chat;
    if (this.state.phase !== 'chat' || !chat) throw new ServerError('CONFLICT', text(this.lang, 'noChat'), 409);
    if (!body) throw new ServerError('VALIDATION_FAILED', text(this.lang, 'messageEmpty'), 400);
    const sent = await call<{ message: MessageView }>(this.socket, 'chat.send', {
      conversationId: chat.id,
      clientId: randomUUID(),
      body,
    });
    // The sending socket gets its message in the ack (the room event goes to the others).
    this.show(sent.message);
  }

  private async createTicket(description: string): Promise<void> {
    if (!description) throw new ServerError('VALIDATION_FAILED', text(this.lang, 'describeMissing'), 400);
    const { ticket } = await call<{ ticket: { number: number } }>(this.socket, 'chat.ticket', { description });
    this.state.ticket = { number: ticket.number };
    this.state.phase = 'ticket-created';
    this.notice('ticketCreated', { number: ticket.number });
    this.changed('ticket-created', { number: ticket.number });
  }

  async sendFile(name: string, data: Buffer): Promise<{ name: string; size: number }> {
    const chat = this.state.chat;
    if (this.state.phase !== 'chat' || !chat) throw new ServerError('CONFLICT', text(this.lang, 'noChat'), 409);
    const sent = await sendFileData(this.config, chat.id, name, data);
    // The upload's answer carries the stored message (the room event may come too: same seq).
    this.show(sent.message);
    this.onEvent?.('file-sent', { conversationId: chat.id, fileId: sent.file.id, name: sent.file.name });
    return { name: sent.file.name, size: sent.file.size };
  }

  /** A file of the chat on screen (received or sent), for the window's download link. */
  async download(fileId: string): Promise<{ name: string; data: Buffer }> {
    const chat = this.state.chat;
    const file = chat?.messages.find((m) => m.file?.fileId === fileId)?.file;
    if (!chat || !file) throw new ServerError('NOT_FOUND', text(this.lang, 'noSuchFile'), 404);
    return { name: file.name, data: await downloadFile(this.config, chat.id, fileId) };
  }

  /** A failed step is shown in the window (the local server also answers it as an error). */
  async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (this.closed) return;
      this.fail(error);
    }
  }

  fail(error: unknown): void {
    const e = error as ServerError;
    // A known server code in the agent's language; other server messages as the server sent them.
    const message = errorText(this.lang, e);
    this.notice('error', { message }, message);
    this.changed('error', { code: e.code ?? 'ERROR', status: e.status ?? null, message: e.message });
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}
