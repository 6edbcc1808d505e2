import type { recipients as en } from '../en/recipients';
import type { Translation } from '../types';

export const recipients = {
  placeholder: {
    email: 'name@example.de oder eine Liste einfügen',
    phone: '+49 151\u00a0… oder eine Liste einfügen',
    handle: 'Kontakte suchen oder Kennung eingeben',
    contact: 'Kontakte nach Namen suchen',
  },
  list: '{{label}}-Empfänger',
  invalidList: 'Ungültige {{label}}-Empfänger',
  all: 'Alle {{count}} {{label}}-Empfänger',
  loadingAll: 'Liste wird geladen\u00a0…',
  more: '+{{count, number}} weitere',
  matching: 'Kontakte zu „{{term}}“',
  noHandle: 'keine Kontaktdaten für {{channel}}',
  count_one: '{{count, number}} Empfänger',
  count_other: '{{count, number}} Empfänger',
  added: '{{count, number}} hinzugefügt',
  merged_one: '{{count, number}} Duplikat zusammengeführt',
  merged_other: '{{count, number}} Duplikate zusammengeführt',
  notValid: '{{count, number}} ungültig',
  removed: '{{label}} entfernt',
  invalidHeading:
    '{{count, number}} ungültig – korrigieren oder entfernen Sie diese Empfänger vor dem Senden:',
  andMore: 'und {{count, number}} weitere.',
  removeAllInvalid: 'Alle {{count, number}} ungültigen entfernen',
  notValidPrefix: 'Ungültig: ',
  checkingPrefix: 'Wird geprüft: ',
  checking: 'wird geprüft',
  remove: 'Entfernen',
  removeNamed: '{{label}} entfernen',
  reasons: {
    handleSpaces:
      'Eine Kennung enthält keine Leerzeichen; suchen Sie stattdessen nach einem Kontakt',
    lettersToContacts:
      'Briefe gehen an vorhandene Kontakte mit Anschrift: Suchen Sie nach dem Namen und wählen Sie einen Kontakt aus',
    contactWithoutHandle: 'Für diesen Kontakt sind keine Kontaktdaten für {{channel}} hinterlegt',
  },
} satisfies Translation<typeof en>;
