import type { FastifyInstance } from 'fastify';
import { oauth, rooms } from '../../persistence/index.js';
import type { AlexaSettings, ServerContext } from '../context.js';
import type { RoomFeature } from '../rooms/feature.js';
import { calendarAnswer, type RoomDeskFor } from './calendar-answer.js';
import { roomForAlexaDevice } from './room-device.js';
import { registerAlexa } from './routes.js';
import type { AlexaVerifierOptions } from './verify.js';

/** {@link AlexaSettings} as tests may pass them through `buildServer({ alexa })`. */
export interface AlexaEndpointSettings extends AlexaSettings {
  /** Tests only: a local certificate chain, trusted roots and clock instead of Amazon's. */
  readonly verification?: Omit<AlexaVerifierOptions, 'skillId'>;
}

/** The rooms feature's desk for a room (what a room display uses too), when the server has the feature. */
function roomDesks(app: FastifyInstance, ctx: ServerContext): RoomDeskFor | undefined {
  if (!app.hasDecorator('rooms')) return undefined;
  const feature: RoomFeature = app.rooms;
  return async (ref, actor) => {
    const room = await rooms.get(ctx.db, ref.id);
    if (!room) return undefined;
    return { desk: feature.service.desk(room, actor), timeZone: await feature.service.zoneOf(room) };
  };
}

/**
 * Serves `POST /alexa` when an Alexa skill is configured: verified requests, account-linking tokens resolved
 * to Concierge accounts, room devices to rooms, answers from the assistant. Account linking itself
 * (/alexa/link, /alexa/token) is routes/oauth.ts. Call after the rooms routes, which provide `app.rooms`.
 */
export async function alexaRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const settings: AlexaEndpointSettings | undefined = ctx.alexa;
  if (!settings) return;
  const roomDesk = roomDesks(app, ctx);
  await registerAlexa(app, {
    skillId: settings.skillId,
    answer: calendarAnswer({ db: ctx.db, pool: ctx.pool, ...(roomDesk ? { roomDesk } : {}) }),
    resolveUser: (accessToken) => oauth.accountForAccessToken(ctx.db, accessToken),
    resolveRoom: (deviceId) => roomForAlexaDevice(ctx.db, deviceId),
    ...(settings.verification ? { verification: settings.verification } : {}),
  });
}
