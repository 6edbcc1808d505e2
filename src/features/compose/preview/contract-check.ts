import type { z } from '../../../../schemas/zod';
import { checkChannelRules } from '../../../../schemas/channel-rules';
import type { ChannelType } from '../../../../schemas/rows';
import {
  RecipientListSchema,
  SendMessageRequestSchema,
  type Recipient,
  type SendMessageRequest,
} from '../../../../schemas/send-message';
import type { ContractIssue } from './contract-issues';

const RECIPIENT_LISTS = ['to', 'cc', 'bcc'] as const;
/** The contract's order of the body's fields, which is the order its issues are listed in. */
const FIELD_ORDER = Object.keys(SendMessageRequestSchema.shape);

/** Issues of a recipient list by the list (the form hands on the same list while it is unchanged). */
const recipientIssues = new WeakMap<readonly Recipient[], ContractIssue[]>();

function issuesOf(
  result: z.core.util.SafeParseResult<unknown>,
  prefix: string[] = [],
): ContractIssue[] {
  return result.success
    ? []
    : result.error.issues.map((issue) => ({
        path: [...prefix, ...issue.path.map(String)].join('.'),
        message: issue.message,
        source: 'contract',
      }));
}

/**
 * What the upstream would refuse in this body: the published contract (the same zod schema the
 * proxy checks with) and the rules of the sending channel's type, which the body does not name.
 * Each recipient list is checked on its own and its issues kept, so that typing elsewhere does
 * not check 10,000 unchanged recipients again; the issues are the same as the whole body's.
 */
export function contractIssues(request: SendMessageRequest, type: ChannelType): ContractIssue[] {
  const rest: Record<string, unknown> = { ...request };
  const issues: ContractIssue[] = [];
  for (const list of RECIPIENT_LISTS) {
    const recipients = request[list];
    if (!Array.isArray(recipients)) continue;
    rest[list] = [];
    let found = recipientIssues.get(recipients);
    if (!found) {
      found = issuesOf(RecipientListSchema.safeParse(recipients), [list]);
      recipientIssues.set(recipients, found);
    }
    issues.push(...found);
  }
  issues.push(...issuesOf(SendMessageRequestSchema.safeParse(rest)));
  const rank = (issue: ContractIssue) => FIELD_ORDER.indexOf(issue.path.split('.')[0] ?? '');
  issues.sort((a, b) => rank(a) - rank(b));
  for (const issue of checkChannelRules(request, type)) {
    issues.push({
      path: issue.path.map(String).join('.'),
      message: issue.message,
      source: 'channel',
    });
  }
  return issues;
}
