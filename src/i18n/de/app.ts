import type { app as en } from '../en/app';
import type { Translation } from '../types';

export const app = {
  title: 'Mateo Composer',
  description: 'Nachrichten über die Mateo-API verfassen und senden',
  preferences: {
    language: 'Sprache',
    theme: 'Darstellung',
    themes: { system: 'System', light: 'Hell', dark: 'Dunkel' },
  },
  undone: 'Nicht gesendet. Ihre Nachricht steht wieder im Formular.',
  reconciled:
    'Ein früherer Versuch hatte Mateo schon erreicht, die Nachricht ging also einmal hinaus. Das hier ist, was Mateo gespeichert hat; nach einem erneuten Versuch werden die Empfänger nicht angezeigt.',
  undo: {
    sendingIn: 'Wird in {{seconds}}\u00a0s gesendet',
    undo: 'Rückgängig',
    tooLate: 'Zu spät zum Rückgängigmachen: Die Nachricht wurde bereits gesendet.',
    failed: 'Rückgängigmachen fehlgeschlagen. Prüfen Sie den Status der Nachricht im Verlauf.',
  },
} satisfies Translation<typeof en>;
