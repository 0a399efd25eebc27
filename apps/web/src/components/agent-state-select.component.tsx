// The agent's contact-centre state in the top bar (#14): Available / Not ready by choice, Busy and
// RONA shown when the system set them (from RONA the agent picks Available again by hand). The pool
// availability switch beside it follows (the server keeps the two in step).
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../lib/api.client';
import type { Me } from '../lib/api.types';
import { useLiveEvent } from '../lib/live.context';
import { routingApi, type AgentStateName } from '../lib/routing.api';
import { ast } from '../lib/agent-state.i18n';
import './agent-state.css';

interface Props {
  me: Me;
  onMeChange(me: Me): void;
}

const CHOICES = ['available', 'not_ready'] as const;

export function AgentStateSelect({ me, onMeChange }: Props) {
  const [state, setState] = useState<AgentStateName | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Re-read when the availability switch moved: the state followed it on the server. Available ⇔
  // available and Not ready ⇔ unavailable always hold there, but the socket may announce the new
  // availability before the state row has followed: for those two the availability decides, and
  // only a state the system set (Busy, RONA) comes from the read.
  useEffect(() => {
    let live = true;
    const followed: AgentStateName = me.availability === 'available' ? 'available' : 'not_ready';
    routingApi.me().then(
      (m) => {
        const read = m.agentState.state;
        if (live) setState(read === 'available' || read === 'not_ready' ? followed : read);
      },
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [me.availability]);

  // The server pushes every change of this agent's state (RONA, Busy, another tab's choice).
  useLiveEvent('agent.state_changed', (p) => p?.state && setState(p.state));

  const choose = async (next: 'available' | 'not_ready') => {
    setSaving(true);
    setError(null);
    try {
      setState((await routingApi.setAgentState(next)).state);
      onMeChange(await api.me());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : ast('stateSaveFailed'));
    } finally {
      setSaving(false);
    }
  };

  if (!state) return null;
  const system = state === 'busy' || state === 'rona';
  return (
    <div class="agent-state" data-testid="agent-state" data-state={state}>
      <label class="visually-hidden" for="agent-state-select">
        {ast('agentStateLabel')}
      </label>
      <span class={`agent-state-dot is-${state}`} aria-hidden="true" />
      <select
        id="agent-state-select"
        class="agent-state-select"
        value={state}
        disabled={saving}
        aria-busy={saving}
        title={
          state === 'busy' ? ast('stateBusyHint') : state === 'rona' ? ast('stateRonaHint') : ast('agentStateLabel')
        }
        onChange={(e) => void choose((e.currentTarget as HTMLSelectElement).value as 'available' | 'not_ready')}
        data-testid="agent-state-select"
      >
        {system && (
          <option value={state} disabled>
            {ast(`state.${state}`)}
          </option>
        )}
        {CHOICES.map((c) => (
          <option key={c} value={c}>
            {ast(`state.${c}`)}
          </option>
        ))}
      </select>
      {error && (
        <p class="availability-error" role="alert" data-testid="agent-state-error">
          {error}
        </p>
      )}
    </div>
  );
}
