/** How a zone said with a time is named back ("3 PM Eastern"): the usual name, else the IANA city. */
const LABELS: Readonly<Record<string, string>> = {
  'America/New_York': 'Eastern', 'America/Chicago': 'Central', 'America/Denver': 'Mountain', 'America/Los_Angeles': 'Pacific', UTC: 'UTC',
  'Europe/London': 'London', 'Asia/Kolkata': 'India',
};

export function zoneLabel(zone: string): string {
  return LABELS[zone] ?? zone.split('/').pop()!.replace(/_/g, ' ');
}
