/**
 * zod for the shared contract: its small build (`zod/mini`: functions instead of methods, so a
 * bundle carries only the parts its schemas use), with the English messages the full build
 * gives. Every schema module imports `z` from here, so the messages are set wherever one loads.
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
