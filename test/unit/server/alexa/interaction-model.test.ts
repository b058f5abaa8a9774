import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCESS_TTL_MS } from '../../../../src/persistence/repositories/oauth.js';
import { ALEXA_SCOPE } from '../../../../src/server/alexa/authorize-request.js';

/**
 * The build rules Alexa applies to skill/interaction-model.json that we can check offline, so a broken model
 * fails here rather than in the developer console.
 */
interface Intent {
  readonly name: string;
  readonly slots?: readonly { readonly name: string; readonly type: string }[];
  readonly samples: readonly string[];
}
interface Model {
  readonly interactionModel: { readonly languageModel: { readonly invocationName: string; readonly intents: readonly Intent[]; readonly types?: readonly { readonly name: string }[] } };
}
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../../../skill/${file}`, import.meta.url), 'utf8'));
const model = (read('interaction-model.json') as Model).interactionModel.languageModel;
const custom = model.intents.filter((i) => !i.name.startsWith('AMAZON.'));
const slotsIn = (sample: string) => [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe('skill/interaction-model.json', () => {
  it('is invoked as "concierge" and has the intents Concierge answers', () => {
    expect(model.invocationName).toBe('concierge');
    expect(model.intents.map((i) => i.name)).toEqual([
      'ReadCalendarIntent', 'NextMeetingIntent', 'FindMeetingIntent', 'AmIFreeIntent', 'AmIBusyIntent', 'CreateEventIntent', 'CancelEventIntent', 'MoveEventIntent', 'WhenAmIFreeIntent', 'DeclineMeetingIntent', 'AcceptMeetingIntent',
      'RoomIsFreeIntent', 'RoomBookIntent', 'RoomEndMeetingIntent', 'RoomExtendIntent', 'RoomFindIntent', 'RoomWhoBookedIntent', 'TimeAnswerIntent', 'PersonAnswerIntent', 'WhyIntent',
      'AMAZON.YesIntent', 'AMAZON.NoIntent', 'AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.FallbackIntent', 'AMAZON.NavigateHomeIntent',
    ]);
  });

  it('has the slots the brief asks for', () => {
    const slots = (name: string) => Object.fromEntries((model.intents.find((i) => i.name === name)?.slots ?? []).map((s) => [s.name, s.type]));
    expect(slots('ReadCalendarIntent')).toMatchObject({ date: 'AMAZON.DATE', time: 'AMAZON.TIME', duration: 'AMAZON.DURATION' });
    // A custom type, not AMAZON.SearchQuery: a phrase slot may not share a sample with other slots, and a title
    // said with a day, a time or a guest must not swallow them.
    expect(slots('CreateEventIntent')).toEqual({ title: 'EVENT_TITLE', date: 'AMAZON.DATE', time: 'AMAZON.TIME', duration: 'AMAZON.DURATION', person: 'AMAZON.FirstName' });
    expect(slots('AmIFreeIntent')).toMatchObject({ date: 'AMAZON.DATE', time: 'AMAZON.TIME' });
    expect(slots('AmIBusyIntent')).toMatchObject({ date: 'AMAZON.DATE', time: 'AMAZON.TIME' });
    expect(slots('FindMeetingIntent')).toMatchObject({ query: 'AMAZON.SearchQuery', person: 'AMAZON.FirstName' });
    expect(slots('RoomBookIntent')).toMatchObject({ duration: 'AMAZON.DURATION' });
    expect(slots('RoomExtendIntent')).toMatchObject({ duration: 'AMAZON.DURATION' });
    expect(slots('RoomFindIntent')).toMatchObject({ duration: 'AMAZON.DURATION' });
  });

  it('gives every custom intent enough samples, in words Alexa accepts', () => {
    for (const intent of custom) {
      expect(intent.samples.length, intent.name).toBeGreaterThanOrEqual(15);
      // Letters, apostrophes, periods and spaces only: no digits (spell numbers out), no other punctuation.
      for (const s of intent.samples) expect(s, intent.name).toMatch(/^[A-Za-z' .]*(\{\w+\}[A-Za-z' .]*)*$/);
    }
  });

  it('hears a title said together with a day, a time, a guest and a length ("add lunch with bob friday at noon")', () => {
    const create = model.intents.find((i) => i.name === 'CreateEventIntent')!;
    const withTitle = create.samples.map(slotsIn).filter((names) => names.includes('title'));
    for (const other of ['date', 'time', 'person', 'duration']) expect(withTitle.some((names) => names.includes(other)), other).toBe(true);
    expect(withTitle.some((names) => ['date', 'time', 'person'].every((n) => names.includes(n)))).toBe(true);
  });

  it('uses exactly the slots each intent declares, each once per sample', () => {
    for (const intent of custom) {
      const declared = new Set((intent.slots ?? []).map((s) => s.name));
      const used = new Set<string>();
      for (const s of intent.samples) {
        const names = slotsIn(s);
        expect(new Set(names).size, `${intent.name}: "${s}" repeats a slot`).toBe(names.length);
        for (const n of names) {
          expect(declared.has(n), `${intent.name}: "${s}" uses undeclared {${n}}`).toBe(true);
          used.add(n);
        }
      }
      expect([...declared].filter((d) => !used.has(d)), `${intent.name}: declared but never sampled`).toEqual([]);
    }
  });

  it('has no sample twice, in one intent or across intents', () => {
    const seen = new Map<string, string>();
    for (const intent of custom) {
      for (const s of intent.samples) {
        const key = s.toLowerCase().replace(/\s+/g, ' ').trim();
        expect(seen.get(key), `"${s}" is in ${seen.get(key)} and ${intent.name}`).toBeUndefined();
        seen.set(key, intent.name);
      }
    }
  });

  it('keeps AMAZON.SearchQuery slots alone in their samples, with a carrier phrase', () => {
    for (const intent of custom) {
      const phrase = new Set((intent.slots ?? []).filter((s) => s.type === 'AMAZON.SearchQuery').map((s) => s.name));
      for (const s of intent.samples) {
        const names = slotsIn(s);
        if (!names.some((n) => phrase.has(n))) continue;
        expect(names, `${intent.name}: "${s}"`).toHaveLength(1);
        expect(s.replace(/\{\w+\}/, '').trim(), `${intent.name}: "${s}" needs a carrier phrase`).not.toBe('');
      }
    }
  });

  it('declares every custom slot type it uses', () => {
    const types = new Set((model.types ?? []).map((t) => t.name));
    for (const intent of custom) for (const slot of intent.slots ?? []) if (!slot.type.startsWith('AMAZON.')) expect(types.has(slot.type), slot.type).toBe(true);
  });
});

describe('skill/skill.json and account-linking.json', () => {
  it('points the endpoint at /alexa and account linking at /alexa/link', () => {
    const manifest = read('skill.json') as { manifest: { apis: { custom: { endpoint: { uri: string } } }; publishingInformation: { locales: Record<string, { examplePhrases: string[] }> } } };
    expect(new URL(manifest.manifest.apis.custom.endpoint.uri).pathname).toBe('/alexa');
    const link = read('account-linking.json') as { accountLinkingRequest: { type: string; authorizationUrl: string; accessTokenUrl: string } };
    expect(link.accountLinkingRequest.type).toBe('AUTH_CODE');
    expect(new URL(link.accountLinkingRequest.authorizationUrl).pathname).toBe('/alexa/link');
    expect(new URL(link.accountLinkingRequest.accessTokenUrl).protocol).toBe('https:');
  });

  it('matches what the server implements: token URL, HTTP Basic, the one scope, the default client id, token lifetime', () => {
    const { accountLinkingRequest: link } = read('account-linking.json') as { accountLinkingRequest: { accessTokenUrl: string; accessTokenScheme: string; scopes: string[]; clientId: string; defaultTokenExpirationInSeconds: number } };
    expect(new URL(link.accessTokenUrl).pathname).toBe('/alexa/token');
    expect(link.accessTokenScheme).toBe('HTTP_BASIC');
    expect(link.scopes).toEqual([ALEXA_SCOPE]);
    expect(link.clientId).toBe('alexa-skill');
    expect(link.defaultTokenExpirationInSeconds).toBe(ACCESS_TTL_MS / 1000);
  });

  it('uses example phrases that the model can hear', () => {
    const manifest = read('skill.json') as { manifest: { publishingInformation: { locales: Record<string, { examplePhrases: string[] }> } } };
    const samples = new Set(custom.flatMap((i) => i.samples.map((s) => s.replace(/\{\w+\}/g, '{}'))));
    for (const phrase of manifest.manifest.publishingInformation.locales['en-US']!.examplePhrases) {
      const m = /^Alexa, (?:open concierge|ask concierge (.+))$/.exec(phrase);
      expect(m, phrase).not.toBeNull();
      if (m?.[1]) expect([...samples].some((s) => new RegExp(`^${s.replace(/\{\}/g, '.+')}$`).test(m[1]!)), phrase).toBe(true);
    }
  });
});
