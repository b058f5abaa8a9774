import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase, SecretBox } from '../../../src/persistence/index.js';
import { buildServer } from '../../../src/server/app.js';

describe('rooms: the check-in sweeper follows the app', () => {
  it('starts when the app is ready, stops when it closes, and follows a changed interval', async () => {
    const database = await openDatabase({});
    const { app } = await buildServer({ db: database.db, box: SecretBox.fromKey(randomBytes(32)), logLevel: 'silent' });
    expect(app.rooms.sweeper.started).toBe(false);
    await app.ready();
    expect(app.rooms.sweeper.started).toBe(true);
    app.rooms.sweepIntervalMs = 0;
    expect(app.rooms.sweeper.started).toBe(false);
    app.rooms.sweepIntervalMs = 60_000;
    expect(app.rooms.sweeper.started).toBe(true);
    await app.close();
    expect(app.rooms.sweeper.started).toBe(false);
    await database.close();
  });
});
