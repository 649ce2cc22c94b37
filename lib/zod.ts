/**
 * zod, configured once for extension pages: `jitless` stops zod from compiling validators with
 * `new Function`, which extension pages' content security policy forbids and `web-ext lint` flags
 * (DANGEROUS_EVAL). Every schema imports `z` from here (ESLint enforces it).
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
