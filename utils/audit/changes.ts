/** The BroadcastChannel on which the background announces that the audit log changed (an append, a clear). */
export const AUDIT_CHANNEL = 'portavoce:audit';
