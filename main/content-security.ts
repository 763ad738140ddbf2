// The one Content-Security-Policy of the app's page, for Electron (header of every app:// response and
// of the session, beside the meta tag of renderer/index.html) and browser mode (header on every HTML
// response): only the app's own files, no inline script or style element, no eval, no remote origin,
// no plugins, no frames in or around the page. data: images are the favicon (`<link rel=icon href=data:,>`).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
