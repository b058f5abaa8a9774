import type { Kysely } from 'kysely';
import type { Understand } from '../assistant/dialog/understanding.js';
import type { SecretBox, Tables } from '../persistence/index.js';
import type { ApiRegistry } from './api.js';
import type { EwsClientPool } from './exchange/client-pool.js';
import type { ExchangeLinkService } from './exchange/link-service.js';
import type { Metrics } from './metrics.js';

/** Alexa skill settings: the endpoint is served only when a skill id is configured. */
export interface AlexaSettings {
  /** `amzn1.ask.skill.…` from the Alexa developer console. */
  readonly skillId: string;
  /** Account linking (OAuth 2.0 authorization code grant): the client Alexa uses. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Redirect URLs the Alexa console lists for the skill (`https://pitangui.amazon.com/api/skill/link/…`, …). */
  readonly redirectUris: readonly string[];
}

/** What every route module receives: the shared services of one server instance. */
export interface ServerContext {
  readonly db: Kysely<Tables>;
  readonly box: SecretBox;
  readonly api: ApiRegistry;
  readonly pool: EwsClientPool;
  readonly links: ExchangeLinkService;
  readonly metrics: Metrics;
  /** The NLU; absent in servers built without the assistant (some tests). */
  readonly understand?: Understand;
  /** Base URL people use to reach the console (invitation links); otherwise taken from the request. */
  readonly publicUrl?: string;
  readonly alexa?: AlexaSettings;
}
