/**
 * The card's interface as the host sees it: application identifiers, files, PINs, keys, instructions
 * and the issuer's APDUs. Plain Java with no dependencies; the applet keeps its own tables, and a test
 * ties the two together. See docs/card-reference.md.
 */
package dev.mynasim.model;
