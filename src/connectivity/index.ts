export { analyze } from './analyze.js';
export { aliasOf } from './fixes.js';
export { STEP_IDS, STEP_TITLES, type AnalyzeInput, type AnalyzeOptions, type AnalyzeResult, type Step, type StepId, type StepStatus } from './types.js';
