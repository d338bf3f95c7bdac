// The one process runner: one-shot commands, and services that are health-checked and stopped
// together with everything they spawned.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import process from 'node:process';
import { describe, expect, it, vi } from 'vitest';
import {
  HealthCheckError,
  capture,
  run,
  startService,
  waitUntilHealthy,
} from '../lib/processes.mjs';

const node = (code, extra = {}) => ({ command: process.execPath, args: ['-e', code], ...extra });
/** Whether `pid` still runs (a zombie waiting for a reaper that never comes does not count). */
const alive = (pid) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

describe('one-shot commands', () => {
  it('run resolves to the exit code, capture to the output', async () => {
    expect(await run(process.execPath, ['-e', 'process.exit(3)'], { stdio: 'ignore' })).toBe(3);
    const out = await capture(process.execPath, ['-e', 'console.log("out"); console.error("err")']);
    expect(out).toEqual({ code: 0, stdout: 'out\n', stderr: 'err\n' });
    expect((await capture('/nonexistent/command', [])).code).toBe(-1);
  });
});

describe('services', () => {
  it('become healthy once their URL answers, and stop with SIGTERM', async () => {
    const port = await freePort();
    const server = startService({
      name: 'hello',
      ...node(
        `require('node:http').createServer((q, s) => s.end('hi')).listen(${port}, '127.0.0.1');` +
          `console.log('listening')`,
      ),
    });
    await waitUntilHealthy(server, `http://127.0.0.1:${port}/`, {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
    expect(server.output()).toContain('listening');
    await server.stop();
    expect(server.exitStatus).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('fail the health check at once when they exit, keeping their last lines', async () => {
    const server = startService({
      name: 'crasher',
      ...node('console.error("boom"); process.exit(4)'),
    });
    const failure = await waitUntilHealthy(server, 'http://127.0.0.1:9/', {
      timeoutMs: 10_000,
      intervalMs: 50,
    }).catch((error) => error);
    expect(failure).toBeInstanceOf(HealthCheckError);
    expect(failure.reason).toBe('exited');
    expect(failure.message).toBe('crasher exited (code 4) before http://127.0.0.1:9/ answered');
    expect(server.tail(1)).toBe('boom');
  });

  it('time out with the last failure seen', async () => {
    const server = startService({ name: 'idle', ...node('setInterval(() => {}, 1000)') });
    const port = await freePort();
    try {
      const failure = await waitUntilHealthy(server, `http://127.0.0.1:${port}/`, {
        timeoutMs: 300,
        intervalMs: 50,
      }).catch((error) => error);
      expect(failure.reason).toBe('timeout');
      expect(failure.message).toMatch(/did not become healthy within 0\.3s \(last: ECONNREFUSED\)/);
    } finally {
      await server.stop();
    }
  });

  it('stop what they spawned too, even a grandchild that ignores SIGTERM', async () => {
    const server = startService({
      name: 'parent',
      ...node(
        `const c = require('node:child_process').spawn(process.execPath,` +
          ` ['-e', 'process.on("SIGTERM", () => {}); setInterval(() => {}, 1000)'], { stdio: 'ignore' });` +
          `console.log(c.pid); setInterval(() => {}, 1000)`,
      ),
      graceMs: 500,
    });
    const grandchild = await vi.waitFor(
      () => Number(server.output().trim()) || Promise.reject(new Error('no pid yet')),
      { timeout: 10_000, interval: 20 },
    );
    expect(alive(grandchild)).toBe(true);
    await server.stop();
    await vi.waitFor(() => expect(alive(grandchild)).toBe(false), { timeout: 5_000, interval: 20 });
  });

  it('echo each line behind their prefix', async () => {
    const lines = [];
    const write = process.stdout.write;
    process.stdout.write = (text) => lines.push(String(text)) && true;
    try {
      const server = startService({
        name: 'echo',
        prefix: '[echo]',
        ...node('console.log("a\\nb")'),
      });
      await server.exited;
      // The last lines may still be on their way through the pipe when the process has exited.
      await vi.waitFor(() => expect(lines).toEqual(['[echo] a\n', '[echo] b\n']), {
        timeout: 5_000,
        interval: 10,
      });
    } finally {
      process.stdout.write = write;
    }
    expect(lines).toEqual(['[echo] a\n', '[echo] b\n']);
  });
});
