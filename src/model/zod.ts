/** The one zod instance every schema in the project uses. */
export { z } from 'zod';
