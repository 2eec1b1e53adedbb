import { sanitizeLessonHtml } from './sanitize';

describe('sanitizeLessonHtml', () => {
  it('removes scripts, event handlers and javascript: URLs', () => {
    const out = sanitizeLessonHtml(
      'html',
      '<p onclick="steal()">Halo<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src="x" onerror="alert(1)"><iframe src="https://evil"></iframe>',
    );
    expect(out).not.toMatch(/script|onclick|onerror|javascript:|iframe/i);
    expect(out).toContain('<p>Halo</p>');
  });

  it('renders Markdown and keeps safe links, adding rel to new-tab links', () => {
    const out = sanitizeLessonHtml(
      'markdown',
      '# Judul\n\n**Tebal** [Disdukcapil](https://example.go.id)',
    );
    expect(out).toContain('<h1>Judul</h1>');
    expect(out).toContain('<strong>Tebal</strong>');
    expect(out).toContain('href="https://example.go.id"');
    expect(sanitizeLessonHtml('html', '<a href="https://a.id" target="_blank">a</a>')).toContain(
      'rel="noopener noreferrer"',
    );
  });

  it('drops raw HTML attacks hidden inside Markdown', () => {
    const out = sanitizeLessonHtml(
      'markdown',
      'teks <img src=x onerror=alert(1)> [x](javascript:alert(1))',
    );
    expect(out).not.toMatch(/onerror|javascript:/);
  });
});
