import { i18n } from './index';

/**
 * Mateo's own values (channel types, statuses, roles) in the reader's language. In English they
 * read as Mateo writes them; a value this app does not know yet is shown as it came.
 */
export function channelTypeText(type: string | null | undefined): string {
  return type ? i18n.t(`channels.codes.${type}`, type) : '';
}

export function messageStatusText(status: string): string {
  return i18n.t(`channels.messageStatus.${status}`, status);
}

export function conversationStatusText(status: string | null | undefined): string {
  return status ? i18n.t(`channels.conversationStatus.${status}`, status) : '';
}

export function recipientRoleText(role: string): string {
  return i18n.t(`channels.recipientRole.${role}`, role);
}

export function actionTypeText(type: string): string {
  return i18n.t(`channels.actionType.${type}`, type);
}
