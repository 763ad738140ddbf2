// Who may talk to the browser-mode server: requests addressed to it by name (Host: a DNS-rebinding
// page cannot fake it), from its own origin (no other site's page), carrying the per-run token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The Host values the server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** True when the Host is ours and the Origin, if sent, is the origin of that host. */
export function isSameOriginRequest(headers: IncomingMessage['headers'], port: number): boolean {
  const host = headers.host?.toLowerCase();
  if (!host || !allowedHosts(port).includes(host)) return false;
  const origin = headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return false;
  // Browsers label what they send; a request another site made is refused even before the token check.
  const site = headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** The name of the cookie holding the token: per port, as cookies do not tell ports apart. */
export function tokenCookieName(port: number): string {
  return `annals_token_${port}`;
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

/** Compares in constant time, so the token cannot be guessed from response times. */
export function isSameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: `Authorization: Bearer …`, else the cookie. */
export function hasValidToken(headers: IncomingMessage['headers'], port: number, token: string): boolean {
  const auth = headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : null;
  return isSameToken(bearer, token) || isSameToken(readCookie(headers.cookie, tokenCookieName(port)), token);
}
