/** Whether a socket or fetch error code is TLS's (a certificate not trusted, say) rather than the peer's absence. */
export const isTlsErrorCode = (code: string | undefined): boolean => !!code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code);
