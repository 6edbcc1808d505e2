import type { editor as en } from '../en/editor';
import type { Translation } from '../types';

export const editor = {
  toolbar: 'Formatierung für {{label}}',
  bold: 'Fett',
  boldText: 'F',
  italic: 'Kursiv',
  italicText: 'K',
  underline: 'Unterstrichen',
  underlineText: 'U',
  heading: 'Überschrift',
  subheading: 'Zwischenüberschrift',
  bulletList: 'Aufzählung',
  orderedList: 'Nummerierte Liste',
  quote: 'Zitat',
  link: 'Link',
  undo: 'Rückgängig',
  redo: 'Wiederholen',
  linkUrl: 'Link-Adresse',
  applyLink: 'Link übernehmen',
  linkScheme: 'Ein Link beginnt mit http, https, mailto, tel oder sms.',
} satisfies Translation<typeof en>;
