import { linkedinAdapter } from './linkedin';
import { xAdapter } from './x';
import type { SiteAdapter } from './types';

export function adapterForHost(hostname: string): SiteAdapter | null {
  if (hostname === 'www.linkedin.com' || hostname === 'linkedin.com') return linkedinAdapter;
  if (hostname === 'x.com' || hostname === 'twitter.com' || hostname.endsWith('.x.com') || hostname.endsWith('.twitter.com')) return xAdapter;
  return null;
}
