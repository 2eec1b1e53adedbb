import type { MailMessage } from '@siantar/server-core';
import type { Lang, NoticeContent } from './templates';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An email (HTML and text alike) from a notice: the text, a button into the app, the way out. */
export function emailBody(
  to: string,
  n: NoticeContent,
  lang: Lang,
  urls: { app: string; unsubscribe: string | null },
): MailMessage {
  const link = n.link ? `${urls.app}${n.link}` : null;
  const footer =
    lang === 'id'
      ? 'Pesan ini dikirim oleh Siantar Belajar, Pemerintah Kota Pematangsiantar.'
      : 'This message was sent by Siantar Belajar, Pemerintah Kota Pematangsiantar.';
  const unsubscribe = urls.unsubscribe
    ? lang === 'id'
      ? 'Berhenti menerima email jenis ini'
      : 'Stop emails of this kind'
    : null;
  const text = [
    ...n.paragraphs,
    ...(link ? [`${n.action ?? link}: ${link}`] : []),
    '',
    '--',
    footer,
    ...(unsubscribe && urls.unsubscribe ? [`${unsubscribe}: ${urls.unsubscribe}`] : []),
  ].join('\n');
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:sans-serif;color:#1b1b1b">
<h1 style="font-size:20px">${escape(n.title)}</h1>
${n.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
${link ? `<p><a href="${escape(link)}" style="background:#00696b;color:#fff;padding:10px 16px;border-radius:20px;text-decoration:none">${escape(n.action ?? link)}</a></p>` : ''}
<hr><p style="font-size:12px;color:#555">${escape(footer)}${
    unsubscribe && urls.unsubscribe
      ? ` <a href="${escape(urls.unsubscribe)}">${escape(unsubscribe)}</a>`
      : ''
  }</p>
</body></html>`;
  return {
    to,
    subject: n.title,
    text,
    html,
    ...(n.calendar
      ? {
          attachments: [
            {
              filename: lang === 'id' ? 'tambah-ke-kalender.ics' : 'add-to-calendar.ics',
              content: n.calendar,
              contentType: 'text/calendar; charset=utf-8',
            },
          ],
        }
      : {}),
  };
}
