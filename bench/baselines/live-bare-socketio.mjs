// Baseline for the live-chat benchmark: a bare socket.io server (the api's version, 4.8.3) with
// one room on namespace /live. A client that connects joins the room; on 'chat:send' it
// broadcasts a 'chat:message' of the api's shape ({ id, userId, name, role, text, sentAt }) to
// the room, the sender included, and acknowledges { ok: true, data: message }, as the api does.
//
// It DOES: accept websocket clients on PORT; answer GET /api/health/ready (so the bench waits for
// it as for the api); with BARE_ADAPTER=redis-streams, share the room between processes through
// @socket.io/redis-streams-adapter on ioredis (the api's adapter, with its maxLen and
// blockTimeInMs, and an ioredis connection with the options of the api's createRedis(url,
// 'worker')), under its own stream and channel prefix BARE_STREAM_PREFIX.
// It does NOT: verify the access token or admit anyone (userId and name are taken as the client
// sends them in its handshake auth), check the session, its status or seats, write presence or
// participant rows, broadcast participant:joined/left, validate the payload (class-validator,
// trim, length), rate-limit, check mutes, INSERT the message into PostgreSQL (the id is a
// random UUID, sentAt the server's clock), use connection-state recovery (which makes the api's
// adapter wait for the XADD of every broadcast even with one process, for the offset), log.
// Stops on SIGTERM: socket.io and Redis closed, then exit.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';

const ROOM = 'session';
const port = Number(process.env.PORT || 3999);
const useRedis = process.env.BARE_ADAPTER === 'redis-streams';

const http = createServer((req, res) => {
  res.writeHead(req.url === '/api/health/ready' ? 200 : 404, { 'content-type': 'text/plain' });
  res.end(req.url === '/api/health/ready' ? 'ok' : 'not found');
});

/** @type {Redis | undefined} */
let redis;
/** @type {Partial<import('socket.io').ServerOptions>} */
const options = { serveClient: false };
if (useRedis) {
  redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
    connectionName: 'siantar-bench:bare-socket.io',
    lazyConnect: false,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  });
  const prefix = process.env.BARE_STREAM_PREFIX || 'sbbench-bare:socket.io';
  options.adapter = createAdapter(redis, {
    streamName: prefix,
    channelPrefix: prefix,
    maxLen: 50_000,
    blockTimeInMs: 1000,
  });
}
const io = new Server(http, options);
const live = io.of('/live');

live.on('connection', (socket) => {
  const { userId, name } = /** @type {{ userId?: string, name?: string }} */ (
    socket.handshake.auth
  );
  socket.join(ROOM);
  socket.on('chat:send', (/** @type {{ text: string }} */ payload, ack) => {
    const message = {
      id: randomUUID(),
      userId,
      name,
      role: 'participant',
      text: payload.text,
      sentAt: new Date().toISOString(),
    };
    live.to(ROOM).emit('chat:message', message);
    if (typeof ack === 'function') ack({ ok: true, data: message });
  });
});

http.listen(port, '127.0.0.1', () =>
  console.log(`bare socket.io on ${port} (${useRedis ? 'redis streams adapter' : 'in memory'})`),
);

const close = () => {
  io.close(() => {
    const r = redis;
    if (!r) process.exit(0);
    else
      r.quit()
        .catch(() => r.disconnect())
        .finally(() => process.exit(0));
  });
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
