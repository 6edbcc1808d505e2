/** What went wrong talking to the server or Mateo, and what to do next. */
export const errors = {
  somethingWentWrong: 'Something went wrong',
  unreachable: 'The server could not be reached',
  checkConnection: 'Check your connection and try again.',
  refused: 'Mateo refused the message',
  noApiKey: 'No API key',
  noApiKeyDetail:
    "{{message}} The server has no valid MATEO_API_KEY: set it in the server's environment (.env) and restart.",
  forbidden: 'Not allowed',
  forbiddenDetail:
    "{{message}} If this is Mateo's answer, the API key is invalid or lacks rights: create a new one under Settings → Integration → API Key.",
  exists: 'This message exists already',
  tooManyRequests: 'Too many requests',
  rateLimitIn: 'Mateo allows 2 requests per second. Try again in {{seconds}} s.',
  rateLimit: 'Mateo allows 2 requests per second. Try again in a moment.',
  noAnswer: 'Mateo did not answer',
  upstreamProblem: 'Mateo had a problem',
  tryAgainSoon: '{{message}} Try again in a moment.',
  status: 'Error {{status}}',
  /** Made in the browser, where no server said anything. */
  client: {
    network: 'The server could not be reached. Check your connection.',
    unexpectedAnswer: "The server's answer did not have the expected shape ({{path}}: {{issue}}).",
    uploadUnreachable: 'The file could not be uploaded. Check your connection and try again.',
    uploadRefused: 'The media library refused the file (HTTP {{status}}).',
    readBackFailed: 'Mateo reported the message as existing but it cannot be read.',
    conversationUnreadable: 'The message’s conversation cannot be read.',
  },
};
