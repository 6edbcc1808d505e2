/** The server's zod (see zod.ts): the full build, which has every function the small one has. */
import * as z from 'zod';

export { z };
