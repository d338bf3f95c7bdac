/**
 * A minimal SMTP server for tests: it speaks just enough RFC 5321 (greeting, EHLO/HELO, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT; no TLS, no auth) to accept messages from nodemailer and keep
 * their raw text, so the SMTP path is tested over a real socket. `freePort()` finds a port that is
 * closed right now — a mail server that is down — on which a sink can be started later.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface SmtpSink {
  url: string;
  /** The raw RFC 822 text of each message accepted, in order. */
  messages: string[];
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    converse(socket, (message) => messages.push(message));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function converse(socket: Socket, accept: (message: string) => void): void {
  let buffer = '';
  let data: string[] | undefined;
  const reply = (line: string) => socket.write(`${line}\r\n`);
  reply('220 sink.test ESMTP test sink');
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (data) {
        if (line === '.') {
          accept(data.join('\r\n'));
          data = undefined;
          reply('250 2.0.0 accepted by the test sink');
        } else data.push(line.startsWith('..') ? line.slice(1) : line);
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO') reply('250 sink.test');
      else if (verb === 'DATA') {
        data = [];
        reply('354 end with <CRLF>.<CRLF>');
      } else if (verb === 'QUIT') {
        reply('221 bye');
        socket.end();
      } else if (['MAIL', 'RCPT', 'RSET', 'NOOP'].includes(verb)) reply('250 OK');
      else reply('502 command not implemented');
    }
  });
  socket.on('error', () => undefined);
}
