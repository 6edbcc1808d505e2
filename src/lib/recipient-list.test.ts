import { describe, it, expect } from 'vitest';
import { splitRecipientList } from './recipient-list';

describe('splitRecipientList', () => {
  it('returns nothing for empty or separator-only text', () => {
    expect(splitRecipientList('')).toEqual([]);
    expect(splitRecipientList(' ,; \n\t\r\n ,')).toEqual([]);
  });

  it('splits on commas, semicolons, tabs and line breaks, trimming and keeping order', () => {
    expect(
      splitRecipientList(
        ' a@example.de , b@example.de;c@example.de\nd@example.de\r\ne@example.de\tf@example.de ',
      ),
    ).toEqual([
      { address: 'a@example.de' },
      { address: 'b@example.de' },
      { address: 'c@example.de' },
      { address: 'd@example.de' },
      { address: 'e@example.de' },
      { address: 'f@example.de' },
    ]);
  });

  it('reads Name <addr>, <addr> alone and bare addresses', () => {
    expect(
      splitRecipientList('Anna Müller <anna@example.de>, <bob@example.de>; carl@example.de'),
    ).toEqual([
      { name: 'Anna Müller', address: 'anna@example.de' },
      { address: 'bob@example.de' },
      { address: 'carl@example.de' },
    ]);
  });

  it('keeps commas and semicolons inside quoted names', () => {
    expect(
      splitRecipientList(
        '"Müller, Anna" <anna@example.de>; "Schmidt; Team \\"Nord\\"" <nord@example.de>',
      ),
    ).toEqual([
      { name: 'Müller, Anna', address: 'anna@example.de' },
      { name: 'Schmidt; Team "Nord"', address: 'nord@example.de' },
    ]);
  });

  it('reads phone numbers in angle brackets and bare', () => {
    expect(splitRecipientList('Anna <+49 151 1234567>\n+43 664 1234567')).toEqual([
      { name: 'Anna', address: '+49 151 1234567' },
      { address: '+43 664 1234567' },
    ]);
  });

  it('joins an unquoted "Surname, Given" name as Outlook copies it', () => {
    expect(
      splitRecipientList('Müller, Anna <anna@example.de>; Schmidt, Bernd <bernd@example.de>'),
    ).toEqual([
      { name: 'Müller, Anna', address: 'anna@example.de' },
      { name: 'Schmidt, Bernd', address: 'bernd@example.de' },
    ]);
  });

  it('takes name cells before an address cell from a spreadsheet as the name', () => {
    expect(
      splitRecipientList(
        'Anna Müller\tanna@example.de\nBernd\tSchmidt\t+49 30 901820\nCarl\tcarl@example.de',
      ),
    ).toEqual([
      { name: 'Anna Müller', address: 'anna@example.de' },
      { name: 'Bernd Schmidt', address: '+49 30 901820' },
      { name: 'Carl', address: 'carl@example.de' },
    ]);
  });

  it('keeps plain words that precede no address as entries of their own', () => {
    expect(splitRecipientList('anna, bernd, carl@example.de\nDora\tEmil')).toEqual([
      { address: 'anna' },
      { address: 'bernd' },
      { address: 'carl@example.de' },
      { address: 'Dora' },
      { address: 'Emil' },
    ]);
  });

  it('drops entries with empty angle brackets and strips quotes around a bare address', () => {
    expect(splitRecipientList('Anna <>, "bob@example.de", \'Carl Q\' <carl@example.de>')).toEqual([
      { address: 'bob@example.de' },
      { name: 'Carl Q', address: 'carl@example.de' },
    ]);
  });

  it('reads an unclosed angle bracket up to the next separator', () => {
    expect(splitRecipientList('Anna <anna@example.de, Bob <bob@example.de>')).toEqual([
      { name: 'Anna', address: 'anna@example.de' },
      { name: 'Bob', address: 'bob@example.de' },
    ]);
  });

  it('does not let an unclosed quote swallow the following lines', () => {
    expect(splitRecipientList('"Anna <anna@example.de>, bob@example.de\ncarl@example.de')).toEqual([
      { name: '"Anna', address: 'anna@example.de' },
      { address: 'bob@example.de' },
      { address: 'carl@example.de' },
    ]);
  });

  it('does not validate', () => {
    expect(splitRecipientList('not an address; <also not>')).toEqual([
      { address: 'not an address' },
      { address: 'also not' },
    ]);
  });

  it('splits 10,000 entries in well under 50 ms', () => {
    const lines = Array.from({ length: 10_000 }, (_, index) =>
      index % 3 === 0
        ? `"Müller, Anna ${index}" <anna.${index}@example.de>`
        : index % 3 === 1
          ? `Person ${index} <+49 151 ${String(index).padStart(7, '0')}>`
          : `user${index}@example.de`,
    );
    // Mixed separators, as a list assembled from several sources would have.
    const separators = [', ', ';', '\n', '\t', '\r\n'];
    const text = lines
      .map((line, index) => `${line}${separators[index % separators.length]}`)
      .join('');
    // Fastest of a few runs, so a garbage collection or a busy machine does not fail the test;
    // anything worse than linear would still take far longer than the limit.
    let elapsed = Infinity;
    let result = splitRecipientList(text);
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      result = splitRecipientList(text);
      elapsed = Math.min(elapsed, performance.now() - started);
    }
    expect(result).toHaveLength(10_000);
    expect(result[0]).toEqual({ name: 'Müller, Anna 0', address: 'anna.0@example.de' });
    expect(result[9_999]).toEqual({ name: 'Müller, Anna 9999', address: 'anna.9999@example.de' });
    expect(result[5_000]).toEqual({ address: 'user5000@example.de' });
    expect(elapsed).toBeLessThan(50);
  });

  it('stays linear on input built to make a regex backtrack', () => {
    const text = `${'"'.repeat(20_000)}${'<'.repeat(20_000)}${' ,'.repeat(20_000)}`;
    const started = performance.now();
    splitRecipientList(text);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
