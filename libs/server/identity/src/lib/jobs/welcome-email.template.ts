import type { Language } from '@siantar/contracts';
import type { MailMessage } from '@siantar/server-core';

export interface WelcomeEmailData {
  name: string;
  email: string;
  login: string;
  link: string;
  validHours: number;
}

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const TEXT: Record<
  Language,
  (d: WelcomeEmailData) => { subject: string; lines: string[]; button: string }
> = {
  id: (d) => ({
    subject: 'Akun Siantar Belajar Anda sudah dibuat',
    lines: [
      `Yth. ${d.name},`,
      'BKPSDM Kota Pematangsiantar telah membuatkan akun Siantar Belajar untuk Anda.',
      `Masuk dengan NIP atau email Anda: ${d.login}.`,
      `Atur kata sandi Anda melalui tautan berikut (berlaku ${d.validHours} jam):`,
    ],
    button: 'Atur kata sandi',
  }),
  en: (d) => ({
    subject: 'Your Siantar Belajar account is ready',
    lines: [
      `Dear ${d.name},`,
      'The BKPSDM of Pematangsiantar has created a Siantar Belajar account for you.',
      `Sign in with your NIP or email: ${d.login}.`,
      `Set your password with this link (valid for ${d.validHours} hours):`,
    ],
    button: 'Set password',
  }),
};

export function welcomeEmail(language: Language, d: WelcomeEmailData): MailMessage {
  const t = TEXT[language](d);
  return {
    to: d.email,
    subject: t.subject,
    text: `${t.lines.join('\n\n')}\n\n${d.link}\n`,
    html: `<!doctype html><html lang="${language}"><body style="font-family:sans-serif;line-height:1.5">${t.lines
      .map((l) => `<p>${escape(l)}</p>`)
      .join(
        '',
      )}<p><a href="${escape(d.link)}" style="background:#00695c;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escape(t.button)}</a></p><p style="color:#555;font-size:12px">${escape(d.link)}</p></body></html>`,
  };
}
