import type { en } from '../en';
import type { Translation } from '../types';
import { app } from './app';
import { builders } from './builders';
import { channels } from './channels';
import { compose } from './compose';
import { editor } from './editor';
import { errors } from './errors';
import { preview } from './preview';
import { recipients } from './recipients';
import { sent } from './sent';
import { shortcuts } from './shortcuts';
import { validation } from './validation';

export const de = {
  app,
  channels,
  compose,
  recipients,
  validation,
  builders,
  editor,
  preview,
  sent,
  errors,
  shortcuts,
} satisfies Translation<typeof en>;
