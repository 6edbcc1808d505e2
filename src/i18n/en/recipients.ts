/** The recipient fields: chips, search, paste, and why a recipient is not valid. */
export const recipients = {
  placeholder: {
    email: 'name@example.de, or paste a list',
    phone: '+49 151 …, or paste a list',
    handle: 'Search contacts or type a handle',
    contact: 'Search contacts by name',
  },
  list: '{{label}} recipients',
  invalidList: 'Invalid {{label}} recipients',
  all: 'All {{count}} {{label}} recipients',
  more: '+{{count, number}} more',
  matching: 'Contacts matching “{{term}}”',
  noHandle: 'no {{channel}} handle',
  count_one: '{{count, number}} recipient',
  count_other: '{{count, number}} recipients',
  added: '{{count, number}} added',
  merged_one: '{{count, number}} duplicate merged',
  merged_other: '{{count, number}} duplicates merged',
  notValid: '{{count, number}} not valid',
  removed: 'Removed {{label}}',
  invalidHeading: '{{count, number}} not valid — fix or remove them before sending:',
  andMore: 'and {{count, number}} more.',
  removeAllInvalid: 'Remove all {{count, number}} invalid',
  notValidPrefix: 'Not valid: ',
  remove: 'Remove',
  removeNamed: 'Remove {{label}}',
  reasons: {
    handleSpaces: 'A handle has no spaces; search for a contact instead',
    lettersToContacts:
      'Letters go to existing contacts with an address: search by name and pick one',
    contactWithoutHandle: 'This contact has no {{channel}} handle',
  },
};
