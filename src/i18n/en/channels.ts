/** Channel types, their states and the statuses Mateo reports, wherever they are shown. */
export const channels = {
  /** The type's name in a sentence ("Too long for WhatsApp"). */
  names: {
    email: 'Email',
    sms: 'SMS',
    whatsapp: 'WhatsApp',
    facebook: 'Facebook Messenger',
    instagram: 'Instagram',
    google_business_messaging: 'Google Business Messages',
    postal: 'Postal letter',
  },
  /** The type where lists and filters show it; in English Mateo's own code. */
  codes: {
    email: 'email',
    sms: 'sms',
    whatsapp: 'whatsapp',
    facebook: 'facebook',
    instagram: 'instagram',
    google_business_messaging: 'google_business_messaging',
    postal: 'postal',
  },
  /** Why a platform no longer delivers, by channel type. */
  retired: {
    google_business_messaging:
      'Google shut down Business Messages on 31 July 2024; messages may not be delivered.',
  },
  unavailable: {
    switchedOff: 'switched off',
    inactive: 'inactive',
    draft: 'still a draft',
    inReview: 'in review by the provider',
    rejected: 'rejected by the provider',
  },
  /** Message statuses; in English Mateo's own values. */
  messageStatus: {
    sent: 'sent',
    sending_error: 'sending_error',
    bounce_error: 'bounce_error',
    submission_error: 'submission_error',
    submitted: 'submitted',
    sending: 'sending',
    read: 'read',
    draft: 'draft',
    scheduled: 'scheduled',
    interacted: 'interacted',
    cancelled: 'cancelled',
    notFound: 'unknown (not found)',
  },
  conversationStatus: { open: 'open', closed: 'closed', archived: 'archived' },
  recipientRole: { from: 'from', to: 'to', cc: 'cc', bcc: 'bcc', reply_to: 'reply_to' },
  actionType: {
    quick_reply: 'quick_reply',
    url: 'url',
    phone_number: 'phone_number',
    list: 'list',
  },
};
