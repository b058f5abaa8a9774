/** The Alexa custom-skill endpoint: request verification, the skill, and the assistant contract. */
export { registerAlexa, type AlexaRouteOptions } from './routes.js';
export { createAlexaSkill, LINK_ACCOUNT_SPEECH, toTurn, type AlexaInvocationContext, type AlexaSkillOptions } from './skill.js';
export type { AlexaUserRef, Answer, AssistantReply, AssistantTurn, ResolveUser } from './turn.js';
export { AlexaRequestVerifier, AlexaVerificationError, checkCertUrl, fetchCertChainOverHttps, type AlexaVerifierOptions, type CertChainFetcher, type VerificationReason } from './verify.js';
