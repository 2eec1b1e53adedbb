/**
 * A local SMTP catcher for `npm start` on machines without Docker: prints each
 * message's recipient, subject and links, and keeps it as .eml in tmp/mail/.
 * Usage: node tools/scripts/mail-catcher.mjs [port]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { TMP } from './lib/paths.mjs';

export function startMailCatcher(port, { quiet = false } = {}) {
  const dir = join(TMP, 'mail');
  mkdirSync(dir, { recursive: true });
  // Many messages arrive within one millisecond (a reminder to a whole city): number them.
  let seq = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks);
        const mail = await simpleParser(raw);
        const file = join(dir, `${Date.now()}-${String(++seq).padStart(6, '0')}.eml`);
        writeFileSync(file, raw);
        if (!quiet) {
          const links = (mail.text ?? '').match(/https?:\/\/\S+/g) ?? [];
          console.log(
            `📧 mail to ${mail.to?.text ?? '?'} — ${mail.subject ?? ''}${links.length ? `\n   ${links.join('\n   ')}` : ''}\n   saved: ${file}`,
          );
        }
        done();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 1025);
  await startMailCatcher(port);
  console.log(`mail catcher listening on smtp://127.0.0.1:${port}`);
}
