/** The composer's form around the fields: drafts, channel, body, sending. */
export const compose = {
  heading: 'New message',
  drafts: {
    label: 'Draft',
    new: 'New draft',
    delete: 'Delete draft',
    saved: 'Draft saved {{time}}',
    hint: 'Drafts are saved in this browser as you type.',
    cannotSave:
      'Drafts cannot be saved in this browser ({{detail}}). Your message stays on this page until you close it.',
    storageUnavailable: 'storage unavailable',
    cannotRead: 'Saved drafts cannot be read ({{detail}}).',
    noRecipient: 'no recipient',
    empty: 'empty',
  },
  channel: {
    label: 'From',
    loading: 'Loading channels…',
    pick: 'Pick a channel',
    unnamed: 'Unnamed channel',
    retiredByGoogle: 'retired by Google',
    unavailable: 'unavailable: {{reason}}',
  },
  defaultCountry: 'Default country for phone numbers',
  to: 'To',
  cc: 'Cc',
  bcc: 'Bcc',
  subject: 'Subject',
  message: 'Message',
  loadingEditor: 'Loading the editor…',
  loadingFields: 'Loading the options for this channel…',
  fieldsFailed:
    'The options for this channel could not be loaded ({{detail}}). Reload the page; your draft is kept.',
  checkFailed:
    'The checks for this form could not be loaded ({{detail}}). Check the connection, then press Send again; nothing you typed is lost.',
  phone: {
    loading: 'Loading the phone number checks…',
    failed: 'The phone number checks could not be loaded ({{detail}}).',
    retry: 'Try again',
  },
  plainText: {
    label: 'Plain text',
    derived: 'Made from the HTML for mail programs that show no HTML; edit it if you like.',
    edited: 'Edited by hand; it no longer follows the HTML.',
    htmlChanged: 'The HTML changed since you edited the plain text.',
    regenerate: 'Regenerate from HTML',
  },
  footer: 'Footer',
  send: 'Send',
  sending: 'Sending…',
  shortcut: 'or Ctrl+Enter',
  undoWindow: 'Undo window',
  undoOff: 'Off',
  seconds: '{{seconds}} s',
  retrying:
    'Try {{attempt}} failed ({{reason}}); trying again in {{seconds}} s with the same message id, so it cannot arrive twice.',
  offline: 'You are offline. The message goes out as soon as the connection is back.',
  hint: 'Hint: {{hint}}',
  code: 'Code: {{code}}',
  windowWarning:
    "WhatsApp's 24-hour window for this conversation closes {{time}}; after that only an approved template can be sent. Pick a template or an earlier time.",
  preview: {
    heading: 'Preview',
    pickChannel: 'Pick a channel to see the message.',
    loading: 'Loading the preview…',
  },
};
