import { describe, it, expect } from 'vitest';
import { decodeEntities, htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('turns an editor document into readable plain text', () => {
    const html =
      '<h2>Termin</h2><p>Hallo <strong>Anna</strong>,</p><ul><li>eins</li><li>zwei</li></ul>' +
      '<ol><li>a</li><li>b</li></ol><blockquote><p>Zitat</p></blockquote>' +
      '<p><a href="https://example.de/x">Link</a></p>';
    expect(htmlToText(html)).toBe(
      [
        'Termin',
        '',
        'Hallo Anna,',
        '',
        '- eins',
        '- zwei',
        '',
        '1. a',
        '2. b',
        '',
        '> Zitat',
        '',
        'Link (https://example.de/x)',
      ].join('\n'),
    );
  });

  it('keeps list items tight when the editor wraps them in paragraphs', () => {
    expect(htmlToText('<ul><li><p>eins</p></li><li><p>zwei</p></li></ul><p>Ende</p>')).toBe(
      '- eins\n- zwei\n\nEnde',
    );
  });

  it('indents nested lists and continues ordered numbering from start', () => {
    const html =
      '<ol start="9"><li><p>neun</p><ul><li>innen</li></ul></li><li>zehn<br>weiter</li></ol>';
    expect(htmlToText(html)).toBe('9. neun\n   - innen\n10. zehn\n    weiter');
  });

  it('separates paragraphs by one blank line and breaks lines at <br> and <div>', () => {
    expect(
      htmlToText('<p>eins</p>\n\n<p>zwei<br>drei</p><p></p><p></p><div>vier</div><div>fünf</div>'),
    ).toBe('eins\n\nzwei\ndrei\n\nvier\nfünf');
  });

  it('keeps an empty line made with two <br>', () => {
    expect(htmlToText('<p>eins<br><br>zwei</p>')).toBe('eins\n\nzwei');
  });

  it('collapses source whitespace within lines', () => {
    expect(htmlToText('<p>\n  Hallo\n   <em>liebe</em>\tAnna  </p>')).toBe('Hallo liebe Anna');
  });

  it('writes links as text (url) unless the text is the url', () => {
    expect(htmlToText('<a href="https://example.de/x">https://example.de/x</a>')).toBe(
      'https://example.de/x',
    );
    expect(htmlToText('<a href="https://example.de/">example.de</a>')).toBe('example.de');
    expect(htmlToText('<a href="mailto:anna@example.de">anna@example.de</a>')).toBe(
      'anna@example.de',
    );
    expect(htmlToText('<a href="https://example.de/?a=1&amp;b=2">hier</a>')).toBe(
      'hier (https://example.de/?a=1&b=2)',
    );
    expect(htmlToText('<a href=\'https://example.de/x\'><img src="logo.png"></a>')).toBe(
      'https://example.de/x',
    );
    expect(htmlToText('<a href="#top">nach oben</a> <a href="javascript:void(0)">x</a>')).toBe(
      'nach oben x',
    );
  });

  it('prefixes quoted lines, including nested quotes and blank lines inside', () => {
    const html =
      '<p>Vorher</p><blockquote><p>eins</p><p>zwei</p><blockquote><p>tiefer</p></blockquote></blockquote><p>Nachher</p>';
    expect(htmlToText(html)).toBe('Vorher\n\n> eins\n>\n> zwei\n>\n> > tiefer\n\nNachher');
  });

  it('keeps headings as their text', () => {
    expect(htmlToText('<h1>Titel</h1><h3>Unter</h3><p>Text</p>')).toBe('Titel\n\nUnter\n\nText');
  });

  it('drops head, script, style and comments', () => {
    const html =
      '<!DOCTYPE html><html><head><title>Betreff</title><meta charset="utf-8"><style>p { color: red; }</style></head>' +
      '<body><!-- <p>versteckt</p> --><p>Sichtbar</p><script>alert("<p>x</p>")</script><SCRIPT type="x">y</SCRIPT ></body></html>';
    expect(htmlToText(html)).toBe('Sichtbar');
  });

  it('puts table rows on lines and cells side by side', () => {
    expect(
      htmlToText(
        '<table><tr><td>Datum</td><td>1. März</td></tr><tr><th>Ort</th><th>Berlin</th></tr></table>',
      ),
    ).toBe('Datum 1. März\nOrt Berlin');
  });

  it('keeps the lines and spaces of preformatted text', () => {
    expect(htmlToText('<p>Code:</p><pre><code>if (a) {\n  b();\n}</code></pre><p>Ende</p>')).toBe(
      'Code:\n\nif (a) {\n  b();\n}\n\nEnde',
    );
  });

  it('decodes entities in text', () => {
    expect(
      htmlToText(
        '<p>Gr&uuml;&szlig;e &amp; &quot;Dank&quot; &lt;3 &#39;x&#39; &euro;5 &#x1F600; &auml;&ouml;&Uuml;</p>',
      ),
    ).toBe('Grüße & "Dank" <3 \'x\' €5 😀 äöÜ');
    expect(htmlToText('<p>a&nbsp;&nbsp;b</p>')).toBe('a  b');
  });

  it('does not decode entities twice or read escaped markup as tags', () => {
    expect(htmlToText('<p>&amp;lt;p&amp;gt; and &lt;b&gt;bold&lt;/b&gt;</p>')).toBe(
      '&lt;p&gt; and <b>bold</b>',
    );
  });

  it('treats a lone < as text', () => {
    expect(htmlToText('<p>1 < 2 and 3 <> 4</p>')).toBe('1 < 2 and 3 <> 4');
  });

  it('returns an empty string for empty documents', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p></p>')).toBe('');
    expect(htmlToText('  <div> \n </div>  ')).toBe('');
  });

  it('handles attributes containing > and unterminated markup', () => {
    expect(htmlToText('<p title="a > b">Text</p>')).toBe('Text');
    expect(htmlToText('<p>Text</p><a href="x')).toBe('Text');
    expect(htmlToText('<p>Text<!-- nie zu')).toBe('Text');
  });

  it('stays fast on a large document', () => {
    const html =
      '<p>Absatz mit <strong>fett</strong> &amp; <a href="https://example.de">Link</a></p>'.repeat(
        20_000,
      );
    const started = performance.now();
    const text = htmlToText(html);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(text.split('\n\n')).toHaveLength(20_000);
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeEntities('&auml;&#228;&#xE4;&#XE4;')).toBe('ääää');
  });

  it('maps the windows-1252 range as browsers do and replaces invalid code points', () => {
    expect(decodeEntities('&#128;&#150;&#0;&#xD800;&#x110000;')).toBe('€–\ufffd\ufffd\ufffd');
  });

  it('leaves unknown names and references without a semicolon alone', () => {
    expect(decodeEntities('&unknown; &amp &constructor; AT&T')).toBe(
      '&unknown; &amp &constructor; AT&T',
    );
  });
});
