import { fileURLToPath } from 'node:url';

/**
 * The drizzle-kit migrations, resolved from this module so that both src/ (tests) and dist/ (the published package)
 * find `packages/store/drizzle`, whatever the working directory.
 */
export const migrationsFolder = fileURLToPath(new URL('../drizzle', import.meta.url));
