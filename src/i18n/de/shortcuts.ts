import type { shortcuts as en } from '../en/shortcuts';
import type { Translation } from '../types';

export const shortcuts = {
  open: 'Tastenkürzel',
  title: 'Tastenkürzel',
  close: 'Schließen',
  groups: {
    everywhere: 'Überall',
    recipients: 'Empfänger',
    editor: 'Nachrichteneditor',
    buttons: 'Aktionsschaltflächen',
  },
  items: {
    send: 'Nachricht senden (oder planen)',
    help: 'Diese Liste anzeigen (außerhalb von Textfeldern)',
    escape: 'Vorschlagsliste, Linkfeld oder Dialog schließen',
    commit: 'Eingabe als Empfänger übernehmen',
    pick: 'Durch Vorschläge blättern, einen auswählen',
    removeLast: 'Letzten Empfänger entfernen (im leeren Feld)',
    bold: 'Fett',
    italic: 'Kursiv',
    underline: 'Unterstrichen',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    reorder: 'Mit „Nach oben“ und „Nach unten“ (Eingabe oder Leertaste) umsortieren',
  },
  keys: {
    ctrl: 'Strg',
    enter: 'Eingabe',
    escape: 'Esc',
    tab: 'Tab',
    comma: ',',
    backspace: 'Rücktaste',
    shift: 'Umschalt',
    arrows: '↑ ↓',
    space: 'Leertaste',
    or: 'oder',
  },
} satisfies Translation<typeof en>;
