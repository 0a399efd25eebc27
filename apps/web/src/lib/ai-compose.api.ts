// Compose with AI (#17): capabilities, and the streamed draft (server-sent events over a POST).
import { ApiError, request } from './api.client';
import { clientTexts } from './client-texts.i18n';

export type ComposeAction = 'generate' | 'rephrase' | 'casual' | 'formal';

export const aiApi = {
  capabilities: () => request<{ compose: boolean; sentiment: boolean }>('GET', '/api/ai/capabilities'),

  /**
   * Streams a draft: `onText` gets the whole text so far after every piece. Resolves with the final
   * text; rejects with ApiError (refusals come as JSON before the stream, failures as an `error` event).
   */
  async stream(
    ticketNumber: number,
    body: { action: ComposeAction; text?: string },
    onText: (text: string) => void,
    signal: AbortSignal,
  ): Promise<string> {
    const res = await fetch(`/api/tickets/${ticketNumber}/compose/stream`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
    if (!res.ok || !res.body) {
      const data = (await res.json().catch(() => null)) as { message?: string } | null;
      throw new ApiError(res.status, data?.message ?? clientTexts.t('requestFailed', { status: res.status }));
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as {
          text?: string;
          message?: string;
          statusCode?: number;
        };
        if (event === 'delta') onText((text += data.text ?? ''));
        else if (event === 'done') return data.text ?? text;
        else if (event === 'error')
          throw new ApiError(data.statusCode ?? 502, data.message ?? clientTexts.t('aiError'));
      }
    }
    throw new ApiError(502, clientTexts.t('aiStreamEnded'));
  },
};
