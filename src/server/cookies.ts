import type { CookieSerializeOptions } from '@fastify/cookie';

/** Cookie names and attributes; `__Host-` and Secure are dropped only for plain-http loopback development. */
export interface CookiePolicy {
  session: string;
  csrf: string;
  options: CookieSerializeOptions;
}

/** The cookie policy for a deployment. */
export function cookiePolicy(secure: boolean): CookiePolicy {
  const prefix = secure ? '__Host-' : '';
  return {
    session: `${prefix}labmate_session`,
    csrf: `${prefix}labmate_csrf`,
    options: { path: '/', httpOnly: true, secure, sameSite: 'lax' },
  };
}
