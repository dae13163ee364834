/**
 * Share-link parameters as URL text: `name=value&…` written with readable escaping, and read back the way
 * browsers read form data. Neither direction throws.
 */

/** Decodes every well-formed run of `%XX` escapes and leaves broken ones as they are; never throws. */
export function forgivingDecode(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Replaces lone surrogates (which cannot be percent-encoded) with U+FFFD. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Percent-encodes everything except letters, digits, `-._~` and the separators of lists and records `, ; :`
 * (all three are allowed unescaped in a URL's query and fragment, and keep the link readable).
 */
export function escapeParamText(text: string): string {
  return encodeURIComponent(wellFormed(text))
    .replace(/%2C/g, ',')
    .replace(/%3B/g, ';')
    .replace(/%3A/g, ':')
    .replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `name=value&…` text of name/value pairs, in order. */
export function writeParams(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${escapeParamText(name)}=${escapeParamText(value)}`).join('&');
}

/**
 * Parameters of `name=value&…` text, decoded as browsers decode form data (`+` is a space, broken escapes stay
 * as typed). The first value of a name wins; names given again are listed in `duplicates`.
 */
export function readParams(text: string): { params: Map<string, string>; duplicates: string[] } {
  const params = new Map<string, string>();
  const duplicates: string[] = [];
  for (const [name, value] of new URLSearchParams(text)) {
    if (params.has(name)) duplicates.push(name);
    else params.set(name, value);
  }
  return { params, duplicates };
}
