// "Compose with AI" on the reply box (#17): generate a reply or rewrite the draft; the text streams
// into the editable composer, marked as an AI draft, with Undo back to the previous text. Nothing is
// sent until the technician clicks Send.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../lib/api.client';
import { aiApi, type ComposeAction } from '../../lib/ai-compose.api';
import { at } from '../../lib/ai-compose.i18n';

interface Props {
  ticketNumber: number;
  body: string;
  setBody(text: string): void;
  disabled?: boolean;
}

const ACTIONS: ComposeAction[] = ['generate', 'rephrase', 'casual', 'formal'];

export function AiComposeMenu({ ticketNumber, body, setBody, disabled }: Props) {
  const [available, setAvailable] = useState(false);
  const [open, setOpen] = useState(false);
  const [writing, setWriting] = useState<AbortController | null>(null);
  const [history, setHistory] = useState<string[]>([]);
  const [aiText, setAiText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    aiApi.capabilities().then(
      (caps) => setAvailable(caps.compose),
      () => setAvailable(false),
    );
  }, []);
  useEffect(() => () => writing?.abort(), [writing]);

  if (!available) return null;
  // The draft stays "AI" until the technician edits it.
  const isDraft = aiText !== null && aiText === body;

  const run = async (action: ComposeAction) => {
    setOpen(false);
    setError(null);
    if (action !== 'generate' && !body.trim()) {
      setError(at('needText'));
      return;
    }
    const before = body;
    const controller = new AbortController();
    setWriting(controller);
    try {
      const text = await aiApi.stream(
        ticketNumber,
        action === 'generate' ? { action } : { action, text: body },
        (partial) => setBody(partial),
        controller.signal,
      );
      setHistory((h) => [...h, before]);
      setBody(text);
      setAiText(text);
    } catch (err) {
      setBody(before);
      setError(controller.signal.aborted ? at('cancelled') : err instanceof ApiError ? err.message : at('failed'));
    } finally {
      setWriting(null);
    }
  };

  const undo = () => {
    const previous = history.at(-1);
    if (previous === undefined) return;
    setHistory((h) => h.slice(0, -1));
    setBody(previous);
    setAiText(null);
  };

  return (
    <div class="ai-compose" ref={menu} data-testid="ai-compose">
      {writing ? (
        <span class="ai-compose-writing" role="status" data-testid="ai-writing">
          {at('writing')}{' '}
          <button type="button" class="btn btn-ghost btn-sm" onClick={() => writing.abort()} data-testid="ai-cancel">
            {at('cancel')}
          </button>
        </span>
      ) : (
        <div class="dropdown">
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            aria-haspopup="menu"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            disabled={disabled}
            data-testid="ai-compose-button"
          >
            ✨ {at('menu')}
          </button>
          {open && (
            <div class="panel panel-up panel-left ai-menu" role="menu" data-testid="ai-compose-menu">
              {ACTIONS.map((action) => (
                <button
                  key={action}
                  type="button"
                  role="menuitem"
                  class="ai-menu-item"
                  onClick={() => run(action)}
                  data-testid={`ai-${action}`}
                >
                  {at(action)}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {history.length > 0 && !writing && (
        <button type="button" class="btn btn-ghost btn-sm" onClick={undo} data-testid="ai-undo">
          {at('undo')}
        </button>
      )}
      {isDraft && (
        <span class="ai-draft-badge" data-testid="ai-draft">
          {at('draft')}
        </span>
      )}
      {error && (
        <span class="form-error" role="alert" data-testid="ai-error">
          {error}
        </span>
      )}
    </div>
  );
}
