/** The Alexa custom-skill endpoint: request verification, the skill, and the assistant contract. */
export { registerAlexa, type AlexaRouteOptions } from './routes.js';
export { createAlexaSkill, LINK_ACCOUNT_SPEECH, LINK_AGAIN_SPEECH, toTurn, type AlexaInvocationContext, type AlexaSkillOptions } from './skill.js';
export type { AlexaRoomRef, AlexaUserRef, Answer, AssistantReply, AssistantTurn, ResolveRoom, ResolveUser } from './turn.js';
export { AlexaRequestVerifier, AlexaVerificationError, checkCertUrl, fetchCertChainOverHttps, type AlexaVerifierOptions, type CertChainFetcher, type VerificationReason } from './verify.js';
