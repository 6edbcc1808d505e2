import { describe, expect, it } from 'vitest';
import {
  EMAIL_PREVIEW_CSP,
  emailPreviewDocument,
  sanitizeEmailHtml,
  sanitizeEmailHtmlWithReport,
} from './sanitize-html';

// The sanitiser itself needs a DOM and is tested in Chromium (e2e/sanitize-html.spec.ts).
describe('sanitizeEmailHtml without a DOM', () => {
  it('returns nothing rather than the unsanitised input', () => {
    expect(typeof window).toBe('undefined');
    expect(sanitizeEmailHtml('<script>alert(1)</script><p>Hallo</p>')).toBe('');
    expect(sanitizeEmailHtmlWithReport('<img src="https://x.example/p.gif">')).toEqual({
      html: '',
      blockedImages: 0,
    });
  });
});

describe('emailPreviewDocument', () => {
  it('starts with a policy that loads nothing from any host', () => {
    expect(EMAIL_PREVIEW_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    const document = emailPreviewDocument('<p>Hallo</p>');
    const head = document.slice(0, document.indexOf('</head>'));
    // The policy must come before anything it governs.
    expect(head.indexOf('Content-Security-Policy')).toBeLessThan(head.indexOf('<style>'));
    expect(head).toContain(
      `<meta http-equiv="Content-Security-Policy" content="${EMAIL_PREVIEW_CSP}">`,
    );
    expect(head).toContain('<meta name="referrer" content="no-referrer">');
    expect(document).toMatch(/<body><p>Hallo<\/p><\/body><\/html>$/);
  });
});
