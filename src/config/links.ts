/**
 * The `links` section of a configuration, as validated by schema/config.schema.json. Defaults are
 * filled in by the link step, so nothing here loads the link checker.
 */
export interface LinksConfig {
  exclude?: string[];
  accept?: Record<string, number[]>;
  timeout?: number;
  concurrency?: number;
  perHost?: number;
  retryAfterBudget?: number;
  allowHosts?: string[];
  cacheMaxAge?: { success?: number; failure?: number };
}
