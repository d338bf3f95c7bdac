/**
 * A TCP port nobody listens on right now, for a process this suite starts (the API, a private
 * Redis). The system picks it; the short gap before the process binds it is the usual risk.
 */
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
