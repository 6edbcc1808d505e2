import { app } from './app';
import { shortcuts } from './shortcuts';

/** Every English string of the composer, by area. The German text mirrors its keys. */
export const en = { app, shortcuts };
