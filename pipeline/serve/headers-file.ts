/**
 * The `_headers` file of Netlify and Cloudflare Pages: a path pattern on its own line, then
 * indented `Name: value` lines. public/_headers is the one place the site's response headers
 * are written; pipeline/serve.ts applies it, and a test holds README's nginx example to it.
 */
export interface HeaderRule { pattern: string; headers: [string, string][] }

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) { rules.push({ pattern: line.trim(), headers: [] }); continue; }
    const at = line.indexOf(':');
    if (at === -1) continue;
    rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return rules;
}

/** `*` matches any run of characters, slashes included; everything else literally. */
function patternRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

export type HeaderMatcher = (sitePath: string) => [string, string][];

/**
 * The headers for one path: every matching rule in file order. A header named again by a
 * later (more specific) rule replaces the earlier value rather than joining it.
 */
export function headerMatcher(rules: HeaderRule[]): HeaderMatcher {
  const compiled = rules.map((r) => ({ re: patternRegExp(r.pattern), headers: r.headers }));
  return (sitePath) => {
    const out = new Map<string, [string, string]>();
    for (const rule of compiled) if (rule.re.test(sitePath)) for (const h of rule.headers) out.set(h[0].toLowerCase(), h);
    return [...out.values()];
  };
}
