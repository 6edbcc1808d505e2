import type { en } from '../en';
import type { Translation } from '../types';
import { app } from './app';

export const de = { app } satisfies Translation<typeof en>;
