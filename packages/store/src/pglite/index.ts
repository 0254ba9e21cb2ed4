export { IN_MEMORY, openPglite } from './client.js';
