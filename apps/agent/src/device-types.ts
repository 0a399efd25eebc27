/** What the server's /device namespace sends (see libs/agent-chat/README.md). */
export interface ChatView {
  id: string;
  status: 'waiting' | 'active' | 'ended';
  initiatedBy: 'technician' | 'contact';
  technician: { name: string } | null;
  ticket: { number: number } | null;
  lastSeq: number;
  endedReason: string | null;
  /** Started from a ticket: what was said there before (the server sends it with the chat). */
  earlier?: {
    number: number;
    lines: Array<{ author: { kind: string; name: string }; body: string; createdAt: string }>;
    more: boolean;
  } | null;
}
export interface MessageView {
  id: string;
  conversationId: string;
  seq: number;
  kind: 'text' | 'system' | 'file';
  body: string;
  author: { kind: string; name: string };
  file?: { fileId: string; name: string; size: number };
  createdAt: string;
}
export interface DeviceState {
  device: {
    id: string;
    name: string;
    helpdeskAgentEnabled: boolean;
    chatEnabled: boolean;
    contact: { name: string; email: string | null } | null;
  };
  chats: ChatView[];
}
export type RequestResult =
  { status: 'waiting' | 'active'; chat: ChatView } | { status: 'busy'; chat: null; message: string };
