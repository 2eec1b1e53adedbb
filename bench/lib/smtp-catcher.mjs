// An SMTP catcher for the notification benchmark: a real SMTP server (smtp-server, as the
// reliability specs use) on 127.0.0.1 that accepts every message and keeps, per message, the
// time its DATA was complete (performance.now(), the bench's clock), the envelope recipients,
// its size and its raw header block. Nothing is parsed while messages arrive (no mailparser):
// the catcher should cost as little as possible, and it costs the same for both sides.
//
// One change to smtp-server's behaviour: it holds every new connection's greeting back 100 ms
// to catch clients that talk too early (SMTPConnection.init). Real relays greet at once, and
// with one connection per message (nodemailer without a pool, as the api's MailerService) that
// pause would be most of each send's time on both sides, so the catcher greets at once: its
// connect() is smtp-server's, with init() replaced by what init() runs after the pause. These
// are smtp-server internals: the catcher checks they are there and refuses to start otherwise.
import { SMTPServer } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection.js';

/** smtp-server's SMTPServer, greeting new connections without the 100 ms early-talker pause. */
class PromptSMTPServer extends SMTPServer {
  /** @param {import('node:net').Socket} socket  @param {object} socketOptions */
  connect(socket, socketOptions) {
    const connection = /** @type {any} */ (new SMTPConnection(this, socket, socketOptions));
    /** @type {any} */ (this).connections.add(connection);
    connection.on('error', (/** @type {Error} */ err) => /** @type {any} */ (this)._onError(err));
    connection.on('connect', (/** @type {unknown} */ data) =>
      /** @type {any} */ (this)._onClientConnect(data),
    );
    connection._setListeners(() => connection.connectionReady());
  }
}

function assertInternals() {
  const conn = /** @type {any} */ (SMTPConnection).prototype;
  const srv = /** @type {any} */ (SMTPServer).prototype;
  const missing = [
    ['SMTPConnection#init', conn.init],
    ['SMTPConnection#_setListeners', conn._setListeners],
    ['SMTPConnection#connectionReady', conn.connectionReady],
    ['SMTPServer#connect', srv.connect],
    ['SMTPServer#_onError', srv._onError],
    ['SMTPServer#_onClientConnect', srv._onClientConnect],
  ].filter(([, f]) => typeof f !== 'function');
  if (missing.length > 0)
    throw new Error(
      `smtp-server changed (${missing.map(([n]) => n).join(', ')} missing): adapt bench/lib/smtp-catcher.mjs`,
    );
  if (!/setTimeout\(\(\) => this\.connectionReady\(\), 100\)/.test(String(conn.init)))
    throw new Error(
      'smtp-server changed SMTPConnection#init (no longer a 100 ms pause, then connectionReady): ' +
        'adapt bench/lib/smtp-catcher.mjs',
    );
}

/**
 * @typedef {object} Caught
 * @property {number} at        performance.now() when the message's DATA was complete
 * @property {string[]} rcpt    envelope recipients (RCPT TO)
 * @property {number} bytes     size of the message as transmitted (headers and body)
 * @property {string} head      the raw header block
 */

/**
 * @returns {Promise<{ url: string, messages: Caught[], reset(): void, until(n: number): Promise<void>, close(): Promise<void> }>}
 */
export async function startCatcher() {
  /** @type {Caught[]} */
  let messages = [];
  /** @type {{ n: number, resolve: () => void } | undefined} */
  let waiting;
  assertInternals();
  const server = new PromptSMTPServer({
    authOptional: true,
    // nodemailer upgrades to TLS whenever STARTTLS is offered: plain SMTP on both sides.
    disabledCommands: ['STARTTLS', 'AUTH'],
    // smtp-server looks up the client's host name per connection unless told not to.
    disableReverseLookup: true,
    logger: false,
    banner: 'siantar bench catcher',
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
      const chunks = [];
      let bytes = 0;
      stream.on('data', (/** @type {Buffer} */ c) => {
        chunks.push(c);
        bytes += c.length;
      });
      stream.on('error', (/** @type {Error} */ e) => callback(e));
      stream.on('end', () => {
        const at = performance.now();
        const raw = Buffer.concat(chunks);
        const end = raw.indexOf('\r\n\r\n');
        messages.push({
          at,
          rcpt: session.envelope.rcptTo.map((a) => a.address),
          bytes,
          head: raw.subarray(0, end < 0 ? raw.length : end).toString('utf8'),
        });
        if (waiting && messages.length >= waiting.n) {
          waiting.resolve();
          waiting = undefined;
        }
        callback();
      });
    },
  });
  server.on('error', () => undefined); // a sender that goes away mid-conversation
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.server.address());
  return {
    url: `smtp://127.0.0.1:${port}`,
    get messages() {
      return messages;
    },
    /** Forgets the messages caught so far (between runs). */
    reset() {
      messages = [];
      waiting = undefined;
    },
    /** Resolves once `n` messages have been caught since the last reset. */
    until(n) {
      if (messages.length >= n) return Promise.resolve();
      return new Promise((resolve) => {
        waiting = { n, resolve: () => resolve(undefined) };
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

/** RFC 2047 encoded words (=?charset?B|Q?...?=) decoded, for UTF-8 and ASCII. */
function decodeWords(/** @type {string} */ s) {
  return s
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset, enc, text) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (/** @type {string} */ _m, /** @type {string} */ h) =>
                String.fromCharCode(parseInt(h, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

/**
 * The headers of a caught message, names lower-cased, folded lines joined, encoded words decoded
 * (the first occurrence of each name).
 * @returns {Map<string, string>}
 */
export function headersOf(/** @type {Caught} */ m) {
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const line of m.head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!out.has(name)) out.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  return out;
}
