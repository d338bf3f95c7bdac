import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { checkNodeVersion, ensurePortsFree, isPortInUse } from '../lib/preflight.mjs';

describe('checkNodeVersion', () => {
  it('accepts 20.19 and newer', () => {
    expect(checkNodeVersion('v20.19.0').ok).toBe(true);
    expect(checkNodeVersion('v20.20.2').ok).toBe(true);
    expect(checkNodeVersion('v22.1.0').ok).toBe(true);
  });

  it('names the version found and what to install when it is too old', () => {
    const result = checkNodeVersion('v18.19.1');
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Node 18.19.1 found');
    expect(result.message).toContain('needs Node 20.19.0 or newer');
    expect(result.message).toContain('nvm install');
    expect(checkNodeVersion('v20.18.3').ok).toBe(false);
  });
});

describe('port checks', () => {
  let server;
  afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve())));

  const listen = (host) =>
    new Promise((resolve) => {
      server = net.createServer().listen(0, host, () => resolve(server.address().port));
    });

  it('detects a port in use on 127.0.0.1, whichever address is checked', async () => {
    const port = await listen('127.0.0.1');
    expect(await isPortInUse(port, '127.0.0.1')).toBe(true);
    expect(await isPortInUse(port)).toBe(true);
  });

  it('reports a free port as free', async () => {
    const port = await listen('127.0.0.1');
    await new Promise((resolve) => server.close(resolve));
    server = undefined;
    expect(await isPortInUse(port, '127.0.0.1')).toBe(false);
  });

  it('names the busy port and how to find its process', async () => {
    const port = await listen('127.0.0.1');
    await expect(ensurePortsFree({ [port]: 'the API' })).rejects.toThrow(
      new RegExp(
        `Port ${port} \\(the API\\) is already in use.*ss -ltnp 'sport = :${port}'.*lsof -iTCP:${port}`,
      ),
    );
  });
});
