/** The app shell: header, preferences, shortcuts, the area under the form. */
export const app = {
  title: 'Mateo Composer',
  description: 'Compose and send messages through the Mateo API',
  preferences: {
    language: 'Language',
    theme: 'Theme',
    themes: { system: 'System', light: 'Light', dark: 'Dark' },
  },
  undone: 'Not sent. Your message is back in the form.',
  reconciled:
    'An earlier try had already reached Mateo, so the message went out once. This is what Mateo has; its recipients are not shown after a retry.',
  undo: {
    sendingIn: 'Sending in {{seconds}} s',
    undo: 'Undo',
    tooLate: 'Too late to undo: the message was sent.',
    failed: 'Undo failed; check the history for the message’s status.',
  },
};
