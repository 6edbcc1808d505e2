import type { compose as en } from '../en/compose';
import type { Translation } from '../types';

export const compose = {
  heading: 'Neue Nachricht',
  drafts: {
    label: 'Entwurf',
    new: 'Neuer Entwurf',
    delete: 'Entwurf löschen',
    saved: 'Entwurf gespeichert um {{time}}',
    hint: 'Entwürfe werden beim Schreiben in diesem Browser gespeichert.',
    cannotSave:
      'Entwürfe können in diesem Browser nicht gespeichert werden ({{detail}}). Ihre Nachricht bleibt auf dieser Seite, bis Sie sie schließen.',
    storageUnavailable: 'Speicher nicht verfügbar',
    cannotRead: 'Gespeicherte Entwürfe können nicht gelesen werden ({{detail}}).',
    noRecipient: 'kein Empfänger',
    empty: 'leer',
  },
  channel: {
    label: 'Von',
    loading: 'Kanäle werden geladen\u00a0…',
    pick: 'Kanal auswählen',
    unnamed: 'Unbenannter Kanal',
    retiredByGoogle: 'von Google eingestellt',
    unavailable: 'nicht verfügbar: {{reason}}',
  },
  defaultCountry: 'Standardland für Telefonnummern',
  to: 'An',
  cc: 'Cc',
  bcc: 'Bcc',
  subject: 'Betreff',
  message: 'Nachricht',
  loadingEditor: 'Editor wird geladen\u00a0…',
  loadingFields: 'Optionen für diesen Kanal werden geladen\u00a0…',
  fieldsFailed:
    'Die Optionen für diesen Kanal konnten nicht geladen werden ({{detail}}). Laden Sie die Seite neu; Ihr Entwurf bleibt erhalten.',
  checkFailed:
    'Die Prüfungen für dieses Formular konnten nicht geladen werden ({{detail}}). Prüfen Sie die Verbindung und drücken Sie dann erneut auf Senden; nichts Eingegebenes geht verloren.',
  phone: {
    loading: 'Prüfung der Telefonnummern wird geladen\u00a0…',
    failed: 'Die Prüfung der Telefonnummern konnte nicht geladen werden ({{detail}}).',
    retry: 'Erneut versuchen',
  },
  plainText: {
    label: 'Nur-Text',
    derived:
      'Aus dem HTML erzeugt, für E-Mail-Programme, die kein HTML anzeigen. Sie können den Text anpassen.',
    edited: 'Von Hand bearbeitet; folgt nicht mehr dem HTML.',
    htmlChanged: 'Das HTML wurde geändert, seit Sie den Nur-Text bearbeitet haben.',
    regenerate: 'Aus HTML neu erzeugen',
  },
  footer: 'Fußzeile',
  send: 'Senden',
  sending: 'Wird gesendet\u00a0…',
  shortcut: 'oder Strg+Enter',
  undoWindow: 'Zeit zum Rückgängigmachen',
  undoOff: 'Aus',
  seconds: '{{seconds}}\u00a0s',
  retrying:
    'Versuch {{attempt}} fehlgeschlagen ({{reason}}). Neuer Versuch in {{seconds}}\u00a0s mit derselben Nachrichten-ID, sodass die Nachricht nicht doppelt ankommen kann.',
  offline: 'Sie sind offline. Die Nachricht wird gesendet, sobald die Verbindung wieder besteht.',
  hint: 'Hinweis: {{hint}}',
  code: 'Code: {{code}}',
  windowWarning:
    'Das 24-Stunden-Fenster von WhatsApp für diese Unterhaltung schließt am {{time}}; danach kann nur noch eine genehmigte Vorlage gesendet werden. Wählen Sie eine Vorlage oder einen früheren Zeitpunkt.',
  preview: {
    heading: 'Vorschau',
    pickChannel: 'Wählen Sie einen Kanal, um die Nachricht zu sehen.',
    loading: 'Vorschau wird geladen\u00a0…',
  },
} satisfies Translation<typeof en>;
