import {
  IDLE,
  SEQUENCE_WINDOW_MS,
  stepKeys,
  type KeyBinding,
  type KeyInput,
  type SequenceState,
} from './shortcut-keys';

const bindings: KeyBinding<string>[] = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'prev' },
  { keys: ['?'], action: 'help' },
  { keys: ['g', 't'], action: 'tickets' },
  { keys: ['g', 'c'], action: 'cases' },
];

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

/** Feeds keys at the given times; returns the actions fired and the final state. */
function run(presses: [string, number, Partial<KeyInput>?][]) {
  let state: SequenceState = IDLE;
  const actions: string[] = [];
  for (const [k, at, mods] of presses) {
    const step = stepKeys(bindings, state, key(k, mods), at);
    state = step.state;
    if (step.action) actions.push(step.action);
  }
  return { actions, state };
}

describe('stepKeys', () => {
  it('fires single-key bindings and consumes them', () => {
    const step = stepKeys(bindings, IDLE, key('j'), 0);
    expect(step).toEqual({ state: IDLE, action: 'next', consumed: true });
    expect(run([['?', 0]]).actions).toEqual(['help']);
  });

  it('leaves unknown keys alone', () => {
    expect(stepKeys(bindings, IDLE, key('z'), 0)).toEqual({ state: IDLE, action: null, consumed: false });
  });

  it('waits after the first key of a sequence and fires on the second', () => {
    const first = stepKeys(bindings, IDLE, key('g'), 1000);
    expect(first.action).toBeNull();
    expect(first.consumed).toBe(true);
    expect(first.state).toEqual({ keys: ['g'], at: 1000 });
    const second = stepKeys(bindings, first.state, key('t'), 1500);
    expect(second).toEqual({ state: IDLE, action: 'tickets', consumed: true });
    expect(
      run([
        ['g', 0],
        ['c', 100],
      ]).actions,
    ).toEqual(['cases']);
  });

  it('drops a sequence whose second key comes after the window', () => {
    expect(
      run([
        ['g', 0],
        ['t', SEQUENCE_WINDOW_MS + 1],
      ]).actions,
    ).toEqual([]);
    expect(
      run([
        ['g', 0],
        ['t', SEQUENCE_WINDOW_MS],
      ]).actions,
    ).toEqual(['tickets']);
  });

  it('tries a key that does not continue the sequence on its own', () => {
    expect(
      run([
        ['g', 0],
        ['j', 10],
      ]).actions,
    ).toEqual(['next']);
    // ...including a new sequence start.
    expect(
      run([
        ['g', 0],
        ['g', 10],
        ['t', 20],
      ]).actions,
    ).toEqual(['tickets']);
    expect(
      run([
        ['g', 0],
        ['x', 10],
        ['t', 20],
      ]).actions,
    ).toEqual([]);
  });

  it('never fires with Ctrl, Meta or Alt, and a chord cancels a pending sequence', () => {
    for (const mod of ['ctrlKey', 'metaKey', 'altKey'] as const) {
      expect(stepKeys(bindings, IDLE, key('j', { [mod]: true }), 0)).toEqual({
        state: IDLE,
        action: null,
        consumed: false,
      });
      expect(
        run([
          ['g', 0],
          ['t', 10, { [mod]: true }],
        ]).actions,
      ).toEqual([]);
      expect(
        run([
          ['g', 0],
          ['c', 10, { [mod]: true }],
          ['t', 20],
        ]).actions,
      ).toEqual([]);
    }
  });

  it('ignores a lone Shift (how "?" is typed) without breaking a pending sequence', () => {
    const shift = stepKeys(bindings, IDLE, key('Shift'), 0);
    expect(shift).toEqual({ state: IDLE, action: null, consumed: false });
    expect(
      run([
        ['g', 0],
        ['Shift', 10],
        ['t', 20],
      ]).actions,
    ).toEqual(['tickets']);
  });

  it('fires a complete binding at once even when a longer one starts with it', () => {
    const withPrefix: KeyBinding<string>[] = [
      { keys: ['g'], action: 'g' },
      { keys: ['g', 't'], action: 'gt' },
    ];
    expect(stepKeys(withPrefix, IDLE, key('g'), 0).action).toBe('g');
  });

  it('matches keys exactly (an upper-case J is not j)', () => {
    expect(run([['J', 0]]).actions).toEqual([]);
  });
});
