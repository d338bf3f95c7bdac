/**
 * The storefront's production server (`npm run start -w @shop/web`): Next.js behind node:http, for
 * one thing `next start` does not do. Next fills `X-Forwarded-For` from the socket only when a
 * request arrives without one and otherwise passes the client's header on untouched, so a browser
 * could name any address for the API's per-address limits. Here, as every proxy should, the web
 * appends the address it really saw (the socket's peer) to the right of the list; the API reads the
 * list from the right through its TRUSTED_PROXIES and stops at the first address it does not trust.
 * Anything a client wrote is left of that and never believed unless a trusted proxy vouches for it.
 *
 * `next dev` (npm run dev) does not use this file.
 */
import { createServer } from 'node:http';
import next from 'next';

const port = Number(process.env.PORT ?? 3000);

/** The peer's address at the right of X-Forwarded-For; without a peer, no forwarded address at all. */
function appendPeerAddress(req) {
  const peer = req.socket.remoteAddress;
  const given = req.headers['x-forwarded-for'];
  if (!peer) delete req.headers['x-forwarded-for'];
  else req.headers['x-forwarded-for'] = given ? `${given}, ${peer}` : peer;
}

const app = next({ dev: false, dir: import.meta.dirname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  appendPeerAddress(req);
  void handle(req, res);
});
server.on('error', (error) => {
  const reason = error.code === 'EADDRINUSE' ? `port ${port} is already in use (set PORT)` : error;
  console.error(`web: cannot listen on port ${port}: ${reason}`);
  process.exit(1);
});
server.listen(port, () => console.log(`web: listening on http://localhost:${port}`));

function stop() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
