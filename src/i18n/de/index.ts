import type { en } from '../en';
import type { Translation } from '../types';
import { app } from './app';
import { shortcuts } from './shortcuts';

export const de = { app, shortcuts } satisfies Translation<typeof en>;
