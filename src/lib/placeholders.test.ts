import { describe, expect, it } from 'vitest';
import { fillTemplate, placeholderSlots, templateParts } from './placeholders';

describe('placeholders', () => {
  it('lists positional and named slots in order of first appearance, once each', () => {
    expect(placeholderSlots('Hallo {{1}}, Ihr Termin ist am {{2}}. Bis {{2}}!')).toEqual([
      '1',
      '2',
    ]);
    expect(placeholderSlots('Hallo {{vorname}}, Rechnung {{ rechnungsnummer }}')).toEqual([
      'vorname',
      'rechnungsnummer',
    ]);
    expect(placeholderSlots('{{2}} vor {{1}}')).toEqual(['2', '1']);
    expect(placeholderSlots('Keine Platzhalter, nur {einfache} Klammern')).toEqual([]);
  });

  it('splits a body into text and slots', () => {
    expect(templateParts('Hallo {{1}}!')).toEqual([
      { text: 'Hallo ' },
      { slot: '1' },
      { text: '!' },
    ]);
  });

  it('fills slots and leaves unfilled ones visible', () => {
    expect(fillTemplate('Hallo {{1}}, am {{2}}', { '1': 'Anna' })).toBe('Hallo Anna, am {{2}}');
  });
});
