/**
 * What pins the extension for administrators. The manifest `key` is the public half of a key pair (the
 * private key is never committed): Chrome and Edge derive the extension id from it, so a managed policy
 * can target the same id on every machine. tests/unit/deploy checks that EXTENSION_ID matches the key.
 */
export const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2kFjXv3tm+PlVcu717JKcqK3L/fWN9fbkLn2lFoSwvOEZ2pBKccyuwWeOgxv+KxQkZ2qIaSTL2Cfp6EDiLPA/D2VGQPj3AmjcZNVNs+1REe2n6Cj1Njb5/9iBNzxPK2G/jK2M7tXMYv8agn95g+olV+XwTZwZ+gNkDneTYB97jUh9zpOn8LTD64Pyu8N9I30PhRd7y/6HnQIxTYs5zpvLitiD4NmFkdszMreGUeTOrvam8xS8w51xO+IB2S+zqHaxbbZYMVhggsUpqD19UaQ/p25FGmQfVd4Z0/jpuWGzZga1rYdzM0iUNYYICraY9BbJpdqVKFaWrfnkUpz3OSpdwIDAQAB';

/** Chrome/Edge extension id (the first 128 bits of SHA-256 of the key, hex digits written a–p). */
export const EXTENSION_ID = 'mpmceomafdnfbndnlnlakmipfgbkinde';

/** Firefox add-on id (manifest browser_specific_settings.gecko.id): what policies.json targets. */
export const GECKO_ID = 'portavoce@portavoce.example';

/**
 * Hosts a policy URL may live on, requested one origin at a time when the member sets the URL:
 * any https site, and plain http only on this machine (a coordinator testing a policy locally).
 */
export const POLICY_URL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
