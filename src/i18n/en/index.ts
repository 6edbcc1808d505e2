import { app } from './app';

/** Every English string of the composer, by area. The German text mirrors its keys. */
export const en = { app };
