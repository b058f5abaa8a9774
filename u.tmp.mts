import { understand } from './src/assistant/nlu/index.js';
const now = new Date(process.env.NOW ?? '2027-03-08T16:00:00Z');
for (const t of process.argv.slice(2)) { const u = understand(t, { now, timeZone: 'America/Los_Angeles' }); console.log(JSON.stringify({ t, intent: u.intent, slots: u.slots })); }
