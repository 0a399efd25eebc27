import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Socket } from 'socket.io-client';
import type { AgentConfig } from './config-store.js';
import { call, connect, ServerError } from './connection.js';
import { downloadFile, sendFile } from './http.js';
import type { Terminal } from './terminal.js';
import type { ChatView, DeviceState, MessageView, RequestResult } from './device-types.js';
import { errorText, fileSize, text, type Lang, type TextKey } from './i18n/agent-texts.js';

const time = (iso: string) => new Date(iso).toTimeString().slice(0, 5);
/** Yes in both languages (y/yes, o/oui); no likewise (n/no/non). */
const YES = /^(y(es)?|o(ui)?)$/i;
const NO = /^n(on?)?$/i;

/**
 * The helpdesk agent. `start`: stays connected, asks the user about each technician's request,
 * then chats. `chat`: asks for a technician (confirming who the user is when needed), then chats;
 * "Chat busy" offers retry or a ticket. Reconnects by itself and resumes the chat where it was.
 */
export class HelpdeskAgent {
  private socket!: Socket;
  private chat: { id: string; lastSeq: number; technician: string } | null = null;
  private readonly files: Array<{ fileId: string; name: string }> = [];
  private asking: string | null = null;
  private connectedOnce = false;
  private waitingFor: string | null = null;
  /** Set when we leave on purpose: the socket's own disconnect is then no news to the user. */
  private quitting = false;
  /** Chats whose "Earlier in ticket" block is on screen already (shown once, before the first question). */
  private readonly earlierShown = new Set<string>();
  private finish!: (code: number) => void;

  constructor(
    private readonly config: AgentConfig,
    private readonly term: Terminal,
    private readonly mode: 'start' | 'chat',
    private readonly lang: Lang = 'en',
  ) {}

  private t(key: TextKey, vars?: Record<string, string | number>): string {
    return text(this.lang, key, vars);
  }

  private get help(): string {
    return this.t('help');
  }

  run(): Promise<number> {
    const done = new Promise<number>((resolve) => (this.finish = resolve));
    this.term.onLine = (line) => void this.onLine(line);
    this.term.onClose = () => this.exit(0);
    this.term.onQuit = () => this.exit(0);
    this.socket = connect(this.config);
    this.socket.on('connect', () => void this.guard(() => this.onConnect()));
    this.socket.on('disconnect', (reason) => {
      if (this.quitting) return;
      this.term.say(this.t('offline'));
      this.term.event('disconnected', { reason });
      // A server that shuts down (restart, deploy) disconnects us itself, which socket.io does not
      // retry: come back after a random 1-5 s so thousands of agents do not return at once.
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1000 + Math.random() * 4000);
    });
    this.socket.on('connect_error', (err) => {
      if (this.quitting) return;
      if (err.message === 'unauthorized') {
        this.term.say(this.t('tokenRefused'));
        this.term.event('error', { code: 'UNAUTHORIZED', message: 'device token refused' });
        this.exit(2);
      } else {
        this.term.event('reconnecting', { message: err.message });
      }
    });
    this.socket.on(
      'chat.requested',
      (p: { chat: ChatView; technician: { name: string } }) =>
        void this.guard(() => this.onRequest(p.chat, p.technician.name)),
    );
    this.socket.on(
      'chat.started',
      (p: { chat: ChatView; technician: { name: string } }) =>
        void this.guard(() => this.enterChat(p.chat, p.technician.name)),
    );
    this.socket.on(
      'chat.busy',
      (p: { chat: ChatView; text: string }) => void this.guard(() => this.onBusy(p.chat.id, p.text)),
    );
    this.socket.on('chat.closed', (p: { chat: ChatView; reason: string; text: string }) =>
      this.onClosed(p.chat, p.reason, p.text),
    );
    this.socket.on('chat.updated', (p: { chat: ChatView }) => {
      if (p.chat.ticket && this.chat?.id === p.chat.id) this.term.event('ticket', { number: p.chat.ticket.number });
    });
    this.socket.on('conversation.message', (p: { conversationId: string; message: MessageView }) => {
      if (this.chat?.id === p.conversationId) this.show(p.message);
    });
    this.socket.on(
      'conversation.typing',
      (p: { conversationId: string; typing: boolean; author: { kind: string; name: string } }) => {
        if (this.chat?.id !== p.conversationId || p.author.kind !== 'technician') return;
        this.term.event('typing', { name: p.author.name, typing: p.typing });
        if (p.typing) this.term.say(this.t('typingLine', { name: p.author.name }));
      },
    );
    return done;
  }

  private async onConnect(): Promise<void> {
    const state = await call<DeviceState>(this.socket, 'chat.state');
    const first = !this.connectedOnce;
    this.connectedOnce = true;
    if (first) this.term.say(this.t('connectedTo', { server: this.config.serverUrl, device: state.device.name }));
    else this.term.say(this.t('reconnected'));
    this.term.event('connected', {
      deviceId: state.device.id,
      name: state.device.name,
      contact: state.device.contact?.name ?? null,
      first,
    });
    // Resume: the chat we were in, or one that started while we were away.
    const active = state.chats.find((c) => c.status === 'active');
    if (this.chat && active?.id !== this.chat.id) {
      this.leaveChat(this.t('endedWhileDown'));
    }
    if (active) return this.enterChat(active, active.technician?.name ?? this.t('theTechnician'));
    const request = state.chats.find((c) => c.status === 'waiting' && c.initiatedBy === 'technician');
    if (request) return this.onRequest(request, request.technician?.name ?? this.t('aTechnician'));
    const mine = state.chats.find((c) => c.status === 'waiting' && c.initiatedBy === 'contact');
    if (mine) {
      this.waitingFor = mine.id;
      return;
    }
    if (first && this.mode === 'chat') await this.askForTechnician(state);
    else if (first) this.term.say(this.t('waitingRequests'));
  }

  private async onRequest(chat: ChatView, technician: string): Promise<void> {
    if (this.chat || this.asking === chat.id) return;
    this.asking = chat.id;
    this.term.event('request', { conversationId: chat.id, technician });
    this.showEarlier(chat);
    const answer = await this.term.ask(this.t('acceptPrompt', { name: technician }), 'accept');
    if (this.asking !== chat.id) return;
    this.asking = null;
    if (answer === null) return;
    if (YES.test(answer.trim())) {
      const { chat: accepted } = await call<{ chat: ChatView }>(this.socket, 'chat.accept', {
        conversationId: chat.id,
      });
      await this.enterChat(accepted, technician);
    } else {
      await call(this.socket, 'chat.decline', { conversationId: chat.id });
      this.term.say(this.t('declined'));
      this.term.event('declined', { conversationId: chat.id });
    }
  }

  private async enterChat(chat: ChatView, technician: string): Promise<void> {
    const resuming = this.chat?.id === chat.id;
    if (!resuming) {
      this.chat = { id: chat.id, lastSeq: 0, technician };
      this.waitingFor = null;
      this.term.say(this.t('chatStarted', { name: technician, help: this.help }));
      this.term.event('started', { conversationId: chat.id, technician });
      this.showEarlier(chat);
    }
    const joined = await call<{ messages: MessageView[] }>(this.socket, 'chat.join', {
      conversationId: chat.id,
      afterSeq: this.chat!.lastSeq,
    });
    for (const m of joined.messages) this.show(m);
  }

  /** Defect 8: a chat from a ticket opens with the ticket's conversation so far, once. */
  private showEarlier(chat: ChatView): void {
    const earlier = chat.earlier;
    if (!earlier || this.earlierShown.has(chat.id)) return;
    this.earlierShown.add(chat.id);
    this.term.say(this.t(earlier.more ? 'earlierHeadMore' : 'earlierHead', { number: earlier.number }));
    for (const l of earlier.lines) this.term.say(`[${time(l.createdAt)}] ${l.author.name}: ${l.body}`);
    this.term.say('--- ---');
    this.term.event('earlier', { conversationId: chat.id, number: earlier.number, lines: earlier.lines });
  }

  private show(m: MessageView): void {
    if (!this.chat || m.seq <= this.chat.lastSeq) return;
    this.chat.lastSeq = m.seq;
    if (m.author.kind === 'contact' && m.kind === 'text') {
      // the user's own line is already on screen
    } else if (m.kind === 'system') this.term.say(`* ${m.body}`);
    else if (m.kind === 'file' && m.file) {
      this.files.push({ fileId: m.file.fileId, name: m.file.name });
      const line = this.t('fileReceived', {
        name: m.author.name,
        file: m.file.name,
        size: fileSize(this.lang, m.file.size),
        n: this.files.length,
      });
      this.term.say(`[${time(m.createdAt)}] ${line}`);
    } else this.term.say(`[${time(m.createdAt)}] ${m.author.name}: ${m.body}`);
    // The machine line comes last: a script that saw it can rely on the human line being out.
    this.term.event('message', {
      conversationId: m.conversationId,
      seq: m.seq,
      kind: m.kind,
      author: m.author,
      body: m.body,
      file: m.file ?? null,
    });
  }

  private async onLine(raw: string): Promise<void> {
    const line = raw.trim();
    if (line === '/quit') return this.exit(0);
    if (line === '/help') return this.term.say(this.help);
    if (!this.chat) {
      if (line) this.term.say(this.t('noChat'));
      return;
    }
    const chat = this.chat;
    await this.guard(async () => {
      if (line === '/end') {
        await call(this.socket, 'chat.end', { conversationId: chat.id });
      } else if (line.startsWith('/send ')) {
        const path = line.slice(6).trim();
        this.term.say(this.t('sending', { name: basename(path) }));
        const sent = await sendFile(this.config, chat.id, path, this.lang);
        this.term.say(this.t('fileSent', { name: sent.file.name, size: fileSize(this.lang, sent.file.size) }));
        this.term.event('file-sent', { conversationId: chat.id, fileId: sent.file.id, name: sent.file.name });
      } else if (line.startsWith('/save ')) {
        const file = this.files[Number(line.slice(6).trim()) - 1];
        if (!file) return this.term.say(this.t('noSuchFile'));
        const target = resolve(process.cwd(), basename(file.name));
        await writeFile(target, await downloadFile(this.config, chat.id, file.fileId));
        this.term.say(this.t('saved', { path: target }));
        this.term.event('file-saved', { path: target });
      } else if (line.startsWith('/')) {
        this.term.say(this.t('unknownCommand', { help: this.help }));
      } else if (line) {
        const clientId = randomUUID();
        const sent = await call<{ message: MessageView }>(this.socket, 'chat.send', {
          conversationId: chat.id,
          clientId,
          body: line,
        });
        // The sending socket gets its message in the ack (the room event goes to the others).
        this.show(sent.message);
        this.term.event('sent', { conversationId: chat.id, seq: sent.message.seq, clientId });
      }
    });
  }

  private onClosed(chat: ChatView, reason: string, text: string): void {
    if (this.asking === chat.id) {
      this.asking = null;
      this.term.cancelQuestion();
      this.term.say(reason === 'not_accepted' ? this.t('expired') : text);
      this.term.event('expired', { conversationId: chat.id, reason });
      return;
    }
    if (this.chat?.id !== chat.id) return;
    this.leaveChat(text, reason);
  }

  private leaveChat(text: string, reason = 'unknown'): void {
    const id = this.chat?.id;
    this.chat = null;
    this.files.length = 0;
    this.term.say(`* ${text}`);
    this.term.event('ended', { conversationId: id, reason, text });
    if (this.mode === 'chat') this.exit(0);
  }

  /** `chat`: confirm who is there when needed, then ask for a technician. */
  private async askForTechnician(state: DeviceState): Promise<void> {
    // Chat off for the company: say so before asking for a name, an email and a code for nothing.
    if (!state.device.chatEnabled) {
      this.term.say(this.t('chatDisabled'));
      this.term.event('chat-disabled', { code: 'CHAT_DISABLED' });
      return this.exit(1);
    }
    let confirmed = false;
    if (state.device.contact) {
      const answer = await this.term.ask(this.t('chatAsPrompt', { name: state.device.contact.name }), 'chat-as');
      if (answer === null) return;
      confirmed = !NO.test(answer.trim());
    }
    if (!confirmed && !(await this.confirmIdentity())) return this.exit(1);
    await this.request();
  }

  private async request(): Promise<void> {
    const result = await call<RequestResult>(this.socket, 'chat.request');
    if (result.status === 'busy') return this.onBusy(null, result.message);
    if (result.status === 'active')
      return this.enterChat(result.chat, result.chat.technician?.name ?? this.t('theTechnician'));
    this.waitingFor = result.chat.id;
    this.term.say(this.t('waiting'));
    this.term.event('waiting', { conversationId: result.chat.id });
  }

  private async onBusy(conversationId: string | null, text: string): Promise<void> {
    if (conversationId && this.waitingFor !== conversationId) return;
    this.waitingFor = null;
    this.term.say(text);
    this.term.event('busy', { conversationId });
    const answer = ((await this.term.ask(this.t('busyChoices'), 'busy')) ?? 'q').trim().toLowerCase();
    if (answer.startsWith('r')) return this.request();
    if (!answer.startsWith('t')) return this.exit(0);
    const description = await this.term.ask(this.t('describeLine'), 'describe');
    if (!description?.trim()) return this.exit(0);
    const { ticket } = await call<{ ticket: { number: number; title: string } }>(this.socket, 'chat.ticket', {
      description,
    });
    this.term.say(this.t('ticketCreated', { number: ticket.number }));
    this.term.event('ticket-created', { number: ticket.number, title: ticket.title });
    this.exit(0);
  }

  /** Full name and email, then the code mailed there: the device's contact becomes that person. */
  private async confirmIdentity(): Promise<boolean> {
    let first = '';
    let last = '';
    for (;;) {
      const name = await this.term.ask(this.t('namePrompt'), 'name');
      if (name === null) return false;
      const parts = name.trim().split(/\s+/);
      if (parts.length >= 2) {
        last = parts.pop()!;
        first = parts.join(' ');
        break;
      }
      this.term.say(this.t('nameAgain'));
    }
    const email = await this.term.ask(this.t('emailPrompt'), 'email');
    if (email === null) return false;
    const sent = await call<{ email: string }>(this.socket, 'identity.start', {
      firstName: first,
      lastName: last,
      email: email.trim(),
      // The code mail goes out in the agent's language, and the confirmed contact keeps it.
      language: this.lang,
    });
    this.term.say(this.t('codeSent', { email: sent.email }));
    this.term.event('identity-sent', { email: sent.email });
    for (;;) {
      const code = await this.term.ask(this.t('codePrompt'), 'code');
      if (code === null) return false;
      try {
        const { contact } = await call<{ contact: { name: string } }>(this.socket, 'identity.confirm', {
          code: code.trim(),
        });
        this.term.say(this.t('thanks', { name: contact.name }));
        this.term.event('identity-confirmed', { name: contact.name });
        return true;
      } catch (error) {
        if (!(error instanceof ServerError) || error.code !== 'INVALID_TOKEN') throw error;
        this.term.say(errorText(this.lang, error));
        this.term.event('error', { code: error.code, message: error.message });
      }
    }
  }

  /** A failed step is told to the user (and, in `chat` mode before any chat, ends the program). */
  private async guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      // Leaving closes the socket under pending requests; their rejections are not errors to show.
      if (this.quitting) return;
      const e = error as ServerError;
      this.term.say(this.t('error', { message: errorText(this.lang, e) }));
      this.term.event('error', { code: e.code ?? 'ERROR', status: e.status ?? null, message: e.message });
      if (this.mode === 'chat' && !this.chat && !this.waitingFor) this.exit(1);
    }
  }

  exit(code: number): void {
    this.quitting = true;
    this.socket?.close();
    this.finish?.(code);
  }
}
