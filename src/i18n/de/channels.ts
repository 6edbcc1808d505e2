import type { channels as en } from '../en/channels';
import type { Translation } from '../types';

export const channels = {
  names: {
    email: 'E-Mail',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    facebook: 'Facebook Messenger',
    instagram: 'Instagram',
    google_business_messaging: 'Google Business Messages',
    postal: 'Brief',
  },
  codes: {
    email: 'E-Mail',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    facebook: 'Facebook',
    instagram: 'Instagram',
    google_business_messaging: 'Google Business Messages',
    postal: 'Brief',
  },
  retired: {
    google_business_messaging:
      'Google hat Business Messages am 31.\u00a0Juli 2024 eingestellt; Nachrichten werden möglicherweise nicht zugestellt.',
  },
  unavailable: {
    switchedOff: 'ausgeschaltet',
    inactive: 'inaktiv',
    draft: 'noch im Entwurf',
    inReview: 'in Prüfung beim Anbieter',
    rejected: 'vom Anbieter abgelehnt',
  },
  messageStatus: {
    sent: 'gesendet',
    sending_error: 'Sendefehler',
    bounce_error: 'unzustellbar',
    submission_error: 'Übermittlungsfehler',
    submitted: 'übermittelt',
    sending: 'wird gesendet',
    read: 'gelesen',
    draft: 'Entwurf',
    scheduled: 'geplant',
    interacted: 'interagiert',
    cancelled: 'abgebrochen',
    notFound: 'unbekannt (nicht gefunden)',
  },
  conversationStatus: { open: 'offen', closed: 'geschlossen', archived: 'archiviert' },
  recipientRole: { from: 'Von', to: 'An', cc: 'Cc', bcc: 'Bcc', reply_to: 'Antwort an' },
  actionType: {
    quick_reply: 'Schnellantwort',
    url: 'Link',
    phone_number: 'Telefonnummer',
    list: 'Liste',
  },
} satisfies Translation<typeof en>;
