export { openPostgres, type PostgresOptions } from './client.js';
