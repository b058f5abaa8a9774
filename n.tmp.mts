import { normalise, tokenize } from './src/assistant/nlu/text.js';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(normalise(tokenize(t)).text));
