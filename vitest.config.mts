import { defineConfig } from 'vitest/config';

// Unit tests run under plain Node against the real native module (Node's ABI build).
// This file takes precedence over vite.config.mts, whose root is the renderer, so the
// renderer's build settings never leak into the tests.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Backups run in a worker thread, which needs the worker bundled first.
    globalSetup: ['tests/unit/support/buildWorker.ts'],
    // Separate processes: the native SQLite module and scrypt's 128 MiB buffers stay
    // out of a shared worker thread, and a crash in one file cannot take another down.
    pool: 'forks',
    // Every unlock runs scrypt with N=2^17 (~0.3 s, 128 MiB) and vault tests run
    // several per test on a 2-core machine: allow for a slow, busy CI box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests never sleep: time-dependent behaviour is driven by fake timers or an injected clock.
    restoreMocks: true,
    unstubGlobals: true,
  },
});
