// The one Content-Security-Policy of the app's page, for Electron (response header, beside the meta tag
// of renderer/index.html) and browser mode (header on every HTML response): only the app's own files,
// no inline script or style element, no remote origin, no plugins, no framing.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
