/**
 * Share links for every city: the codec (./codec.ts) bound to the engine's registry. For the command line, the
 * tests and anything that has every city loaded anyway; the page reads links with `openShareLink` and the one city
 * a link names.
 */
import type { FactsDocument } from '../engine/document';
import { cityModules } from '../engine/registry';
import { decodeShareLinkWith, encodePayloadFor, encodeShareLinkFor, type DecodeOptions, type DecodeResult } from './codec';

export * from './codec';

/**
 * Read a share link (a full URL, `location.hash`, `location.search` or a bare payload) into a validated facts
 * document, with warnings about what was dropped. Never throws.
 */
export function decodeShareLink(href: string, options: DecodeOptions = {}): DecodeResult {
  return decodeShareLinkWith(href, (city) => cityModules[city], options);
}

/** The payload of a facts document (the part after `#`): envelope first, then the facts in schema order. */
export function encodePayload(document: FactsDocument): string {
  return encodePayloadFor(cityModules[document.city], document);
}

/**
 * The share link of a validated facts document: `base` (the app's URL as served, e.g.
 * `https://example.org/mingfen/`; any fragment it has is dropped, its path and query are kept) + `#` + payload.
 */
export function encodeShareLink(document: FactsDocument, base: string): string {
  return encodeShareLinkFor(cityModules[document.city], document, base);
}
