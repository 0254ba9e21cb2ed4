export { createApp, type AppOptions } from './app.js';
export { startGateway, type FamilyLoader, type Gateway, type GatewayOptions } from './gateway.js';
export { loadConfigFile, parseConfigText } from './config/load-config.js';
export { defaultConfig, demoModelName } from './config/default-config.js';
export { ConfigError } from './config/config-error.js';
export type { GatewayConfig, DeploymentConfig } from './config/gateway-config.js';
export { installedFamilies } from './providers/installed-families.js';
export { familiesFor } from './providers/family-catalog.js';
export { createLogger, type Logger } from './observability/logger.js';
