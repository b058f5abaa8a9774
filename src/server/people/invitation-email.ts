/** The words of an invitation email: plain text, so every mail client shows the link as sent. */
export interface InvitationEmail {
  readonly subject: string;
  readonly body: string;
}

export interface InvitationEmailInput {
  readonly displayName?: string | null;
  readonly invitedBy: string;
  readonly link: string;
  readonly expiresAt: Date;
}

/** The invitation: who invites, what Concierge is, the link, and until when it works. */
export function invitationEmail(i: InvitationEmailInput): InvitationEmail {
  const greeting = i.displayName ? `Hello ${i.displayName},` : 'Hello,';
  const until = i.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return {
    subject: 'You are invited to Concierge, your calendar assistant',
    body: [
      greeting,
      '',
      `${i.invitedBy} invited you to Concierge, the assistant that reads and books your Microsoft Exchange calendar by voice (Alexa) or chat.`,
      '',
      'To accept, open this link, choose a password, then link your Exchange calendar:',
      i.link,
      '',
      `The link works once and expires on ${until} UTC. If it has expired, ask your administrator to send a new one.`,
      'If you did not expect this invitation, ignore this email.',
    ].join('\n'),
  };
}
