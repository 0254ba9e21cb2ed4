import type { GatewayConfig } from '../config/gateway-config.js';
import type { Logger } from '../observability/logger.js';
import { SoftBudgetAlerts, type AlertWebhook } from './soft-budget-alerts.js';

export interface AlertingEnvironment {
  SWITCHYARD_ALERT_WEBHOOK_URL?: string | undefined;
  /** LiteLLM's name for its webhook alerting URL. */
  WEBHOOK_URL?: string | undefined;
}

const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an invalid URL';
  }
}

/**
 * The webhook soft-budget alerts go to, LiteLLM's way: `general_settings.alerting: ["webhook"]` and a URL from
 * `general_settings.alerting_webhook_url`, else SWITCHYARD_ALERT_WEBHOOK_URL, else WEBHOOK_URL. Private and
 * loopback addresses are refused unless `alerting_webhook_allow_private: true`. Undefined when not configured.
 */
export function alertWebhookFor(config: Pick<GatewayConfig, 'alerting'>, env: AlertingEnvironment, logger: Logger): AlertWebhook | undefined {
  const alerting = config.alerting;
  const channels = alerting?.channels ?? [];
  const unsupported = channels.filter((channel) => channel !== 'webhook');
  if (unsupported.length > 0) logger.warn({ channels: unsupported }, 'general_settings.alerting: only "webhook" is supported; these channels are ignored');
  if (!channels.includes('webhook')) return undefined;
  const url = nonEmpty(alerting?.webhookUrl) ?? nonEmpty(env.SWITCHYARD_ALERT_WEBHOOK_URL) ?? nonEmpty(env.WEBHOOK_URL);
  if (url === undefined) {
    logger.warn('general_settings.alerting has "webhook" but no URL: set alerting_webhook_url or SWITCHYARD_ALERT_WEBHOOK_URL');
    return undefined;
  }
  logger.info({ host: hostOf(url) }, 'soft-budget alerts are posted to a webhook');
  return { url, policy: { allowPrivate: alerting?.webhookAllowPrivate === true } };
}

/** Soft-budget alerts for a governed gateway: always logged and counted, posted when a webhook is configured. */
export function softBudgetAlertsFor(config: Pick<GatewayConfig, 'alerting'>, env: AlertingEnvironment, logger: Logger): SoftBudgetAlerts {
  return new SoftBudgetAlerts({ logger, webhook: alertWebhookFor(config, env, logger) });
}
