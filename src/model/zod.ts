/** The one zod instance every schema in the project uses, with plain-language default messages. */
import { z } from 'zod';
import { plainErrorMap } from './plain-errors.ts';

z.config({ customError: plainErrorMap });
export { z };
