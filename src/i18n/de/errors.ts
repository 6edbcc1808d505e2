import type { errors as en } from '../en/errors';
import type { Translation } from '../types';

export const errors = {
  somethingWentWrong: 'Etwas ist schiefgelaufen',
  unreachable: 'Der Server ist nicht erreichbar',
  checkConnection: 'Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  refused: 'Mateo hat die Nachricht abgelehnt',
  noApiKey: 'Kein API-Schlüssel',
  noApiKeyDetail:
    '{{message}} Der Server hat keinen gültigen MATEO_API_KEY: Tragen Sie ihn in die Umgebung des Servers (.env) ein und starten Sie den Server neu.',
  forbidden: 'Nicht erlaubt',
  forbiddenDetail:
    '{{message}} Wenn dies die Antwort von Mateo ist, ist der API-Schlüssel ungültig oder hat nicht die nötigen Rechte: Erstellen Sie in Mateo unter „Settings → Integration → API Key“ einen neuen.',
  exists: 'Diese Nachricht gibt es bereits',
  tooManyRequests: 'Zu viele Anfragen',
  rateLimitIn:
    'Mateo erlaubt 2 Anfragen pro Sekunde. Versuchen Sie es in {{seconds}}\u00a0s erneut.',
  rateLimit: 'Mateo erlaubt 2 Anfragen pro Sekunde. Versuchen Sie es gleich noch einmal.',
  noAnswer: 'Mateo hat nicht geantwortet',
  upstreamProblem: 'Bei Mateo ist ein Fehler aufgetreten',
  tryAgainSoon: '{{message}} Versuchen Sie es gleich noch einmal.',
  status: 'Fehler {{status}}',
  client: {
    network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung.',
    unexpectedAnswer:
      'Die Antwort des Servers hatte nicht die erwartete Form ({{path}}: {{issue}}).',
    uploadUnreachable:
      'Die Datei konnte nicht hochgeladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    uploadRefused: 'Die Mediathek hat die Datei abgelehnt (HTTP {{status}}).',
    readBackFailed: 'Mateo meldet die Nachricht als vorhanden, sie lässt sich aber nicht lesen.',
    conversationUnreadable: 'Die Unterhaltung zu dieser Nachricht lässt sich nicht lesen.',
  },
} satisfies Translation<typeof en>;
