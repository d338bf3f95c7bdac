// Reference limit 1: the fastest a Node.js HTTP server answers on this machine (no framework, no database).
import { createServer } from 'node:http';

const body = JSON.stringify({ result: { data: { hello: 'world' } } });

createServer((_req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');
