/** Who may read a customer's raw history, past states and integrity (SPEC P4). */
export const AUDITORS = ['admin', 'auditor'] as const;
