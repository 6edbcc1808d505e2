/** The app shell: header, preferences, shortcuts, the area under the form. */
export const app = {
  title: 'Mateo Composer',
  preferences: {
    language: 'Language',
    theme: 'Theme',
    themes: { system: 'System', light: 'Light', dark: 'Dark' },
  },
  undone: 'Not sent. Your message is back in the form.',
  reconciled:
    'An earlier try had already reached Mateo, so the message went out once. This is what Mateo has; its recipients are not shown after a retry.',
};
