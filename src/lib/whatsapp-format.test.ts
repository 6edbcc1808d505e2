import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseWhatsAppFormatting,
  parseWhatsAppInline,
  whatsAppVisibleText,
  type WhatsAppInline,
} from './whatsapp-format';

const text = (value: string): WhatsAppInline => ({ type: 'text', text: value });

describe('parseWhatsAppInline', () => {
  it('reads bold, italic, strikethrough, monospace and inline code', () => {
    expect(parseWhatsAppInline('*fett* _kursiv_ ~weg~ ```mono``` `code`')).toEqual([
      { type: 'bold', children: [text('fett')] },
      text(' '),
      { type: 'italic', children: [text('kursiv')] },
      text(' '),
      { type: 'strike', children: [text('weg')] },
      text(' '),
      { type: 'mono', text: 'mono' },
      text(' '),
      { type: 'code', text: 'code' },
    ]);
  });

  it('nests marks', () => {
    expect(parseWhatsAppInline('*fett und _kursiv_*')).toEqual([
      {
        type: 'bold',
        children: [text('fett und '), { type: 'italic', children: [text('kursiv')] }],
      },
    ]);
  });

  it('leaves marks inside words, around spaces and without content as text', () => {
    for (const line of [
      'snake_case_name',
      '2*3*4 = 24',
      '* nicht fett*',
      '*nicht fett *',
      '**',
      '_ _',
      'a~b~c',
      '*offen',
      '``',
      '` `',
    ]) {
      expect(parseWhatsAppInline(line), line).toEqual([text(line)]);
    }
  });

  it('takes punctuation next to marks', () => {
    expect(parseWhatsAppInline('(*wichtig*), bitte.')).toEqual([
      text('('),
      { type: 'bold', children: [text('wichtig')] },
      text('), bitte.'),
    ]);
  });

  it('reads letters outside ASCII as word characters', () => {
    expect(parseWhatsAppInline('Größe_Maß_')).toEqual([text('Größe_Maß_')]);
    expect(parseWhatsAppInline('_Grüße_')).toEqual([{ type: 'italic', children: [text('Grüße')] }]);
  });

  it('formats nothing inside code and monospace', () => {
    expect(parseWhatsAppInline('`*x*` ```_y_```')).toEqual([
      { type: 'code', text: '*x*' },
      text(' '),
      { type: 'mono', text: '_y_' },
    ]);
  });

  it('keeps markup-like text as text: nothing here is HTML', () => {
    expect(parseWhatsAppInline('<b onclick="x">*hi*</b>')).toEqual([
      text('<b onclick="x">'),
      { type: 'bold', children: [text('hi')] },
      text('</b>'),
    ]);
  });
});

describe('parseWhatsAppFormatting', () => {
  it('returns no blocks for empty text', () => {
    expect(parseWhatsAppFormatting('')).toEqual([]);
  });

  it('keeps ordinary lines, empty ones included, in one paragraph', () => {
    expect(parseWhatsAppFormatting('Hallo\n\nbis *bald*')).toEqual([
      {
        type: 'paragraph',
        lines: [[text('Hallo')], [], [text('bis '), { type: 'bold', children: [text('bald')] }]],
      },
    ]);
  });

  it('reads bulleted lists with "- " and "* ", numbered lists as typed, and quotes', () => {
    expect(
      parseWhatsAppFormatting(
        'Bitte mitbringen:\n- Schein\n* _Schlüssel_\n1. eins\n3. drei\n> zitiert\n> noch',
      ),
    ).toEqual([
      { type: 'paragraph', lines: [[text('Bitte mitbringen:')]] },
      {
        type: 'bullet-list',
        items: [[text('Schein')], [{ type: 'italic', children: [text('Schlüssel')] }]],
      },
      {
        type: 'numbered-list',
        items: [
          { number: 1, content: [text('eins')] },
          { number: 3, content: [text('drei')] },
        ],
      },
      { type: 'quote', lines: [[text('zitiert')], [text('noch')]] },
    ]);
  });

  it('needs the space after a list or quote mark', () => {
    expect(parseWhatsAppFormatting('-5 Grad\n>3 Tage\n*fett* am Anfang')).toEqual([
      {
        type: 'paragraph',
        lines: [
          [text('-5 Grad')],
          [text('>3 Tage')],
          [{ type: 'bold', children: [text('fett')] }, text(' am Anfang')],
        ],
      },
    ]);
  });

  it('makes a block of monospace that spans lines and keeps its marks literal', () => {
    expect(parseWhatsAppFormatting('Code:\n```a *b*\n  c```\ndanach')).toEqual([
      { type: 'paragraph', lines: [[text('Code:')]] },
      { type: 'mono', text: 'a *b*\n  c' },
      { type: 'paragraph', lines: [[text('danach')]] },
    ]);
  });

  it('does not let inline marks cross a line break', () => {
    expect(parseWhatsAppFormatting('*eins\nzwei*')).toEqual([
      { type: 'paragraph', lines: [[text('*eins')], [text('zwei*')]] },
    ]);
  });

  it('loses no character of text without marks', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'ä', ' ', '\n', '.', '1', 'Z', '😀') }),
        (value) => {
          expect(whatsAppVisibleText(parseWhatsAppFormatting(value))).toBe(value);
        },
      ),
    );
  });

  it('never shows more than was typed, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('*', '_', '~', '`', '-', '>', ' ', '\n', '1', '.', 'a', 'ß'),
        }),
        (value) => {
          const visible = whatsAppVisibleText(parseWhatsAppFormatting(value));
          expect(visible.replace(/\n/g, '').length).toBeLessThanOrEqual(
            value.replace(/\n/g, '').length,
          );
        },
      ),
    );
  });

  it('parses a long line of unmatched marks quickly', () => {
    const line = '(*a'.repeat(1400);
    const started = performance.now();
    const blocks = parseWhatsAppFormatting(line);
    expect(performance.now() - started).toBeLessThan(200);
    expect(whatsAppVisibleText(blocks)).toBe(line);
  });
});
