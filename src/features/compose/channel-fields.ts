/**
 * The parts of the form that depend on the channel (buttons, templates, attachments, schedule,
 * reply, advanced): one chunk, loaded right after the page is drawn, since they show only once
 * a channel is picked.
 */
export { ActionsBuilder } from './actions-builder';
export { AdvancedOptions } from './advanced-options';
export { AttachmentsField } from './attachments-field';
export { ReplyOptions } from './reply-options';
export { SchedulePicker } from './schedule-picker';
export { TemplatePicker } from './template-picker';
