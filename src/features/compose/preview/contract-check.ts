import { checkChannelRules } from '../../../../schemas/channel-rules';
import type { ChannelType } from '../../../../schemas/rows';
import {
  SendMessageRequestSchema,
  type SendMessageRequest,
} from '../../../../schemas/send-message';
import type { ContractIssue } from './contract-issues';

/**
 * What the upstream would refuse in this body: the published contract (the same zod schema the
 * proxy checks with) and the rules of the sending channel's type, which the body does not name.
 */
export function contractIssues(request: SendMessageRequest, type: ChannelType): ContractIssue[] {
  const parsed = SendMessageRequestSchema.safeParse(request);
  const issues: ContractIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
        source: 'contract',
      }));
  for (const issue of checkChannelRules(request, type)) {
    issues.push({
      path: issue.path.map(String).join('.'),
      message: issue.message,
      source: 'channel',
    });
  }
  return issues;
}
