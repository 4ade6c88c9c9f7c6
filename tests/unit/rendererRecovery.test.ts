import { describe, expect, it } from 'vitest';
import {
  createRendererRecovery,
  type GoneReason,
  MAX_RELOADS,
  RELOAD_WINDOW_MS,
} from '../../electron/rendererRecovery';

describe('when the window’s page dies', () => {
  const reasons: [GoneReason, 'reload' | 'tell' | 'none'][] = [
    ['crashed', 'reload'],
    ['oom', 'reload'],
    ['killed', 'reload'],
    ['abnormal-exit', 'reload'],
    ['memory-eviction', 'reload'],
    ['clean-exit', 'none'],
    ['launch-failed', 'tell'],
    ['integrity-failure', 'tell'],
  ];
  it.each(reasons)('%s → %s', (reason, action) => {
    expect(createRendererRecovery(() => 0).gone(reason).action).toBe(action);
  });

  it(`reloads at most ${MAX_RELOADS} times a minute, then tells the therapist instead`, () => {
    let clock = 0;
    const recovery = createRendererRecovery(() => clock);
    for (let i = 0; i < MAX_RELOADS; i += 1) {
      expect(recovery.gone('crashed')).toEqual({ action: 'reload' });
      clock += 1000;
    }
    const step = recovery.gone('crashed');
    expect(step.action).toBe('tell');
    expect(step.action === 'tell' && step.message).toMatch(/not reloaded again.*safe in the vault/);
    // A minute after the first of them, one more reload is allowed.
    clock = RELOAD_WINDOW_MS + 1;
    expect(recovery.gone('oom')).toEqual({ action: 'reload' });
  });
});
