/**
 * The one provider-id (slug) pattern of the code: lower-case letters, digits and hyphens,
 * 2–63 characters, not starting with a hyphen. It is the `slug` pattern of
 * schemas/common.schema.json (a test keeps the two equal).
 */
export const PROVIDER_ID_SOURCE = '[a-z0-9][a-z0-9-]{1,62}';
export const PROVIDER_ID = new RegExp(`^${PROVIDER_ID_SOURCE}$`);

export const isProviderId = (value: string): boolean => PROVIDER_ID.test(value);
