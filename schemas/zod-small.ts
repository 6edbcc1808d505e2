/** The page's zod (see zod.ts), with the English messages the full build has by default. */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
