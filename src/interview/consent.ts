/** Version of the privacy notice in texts/<locale>.ts (`consentNotice`); bump it when the notice changes. */
export const CONSENT_VERSION = '2025-01';
