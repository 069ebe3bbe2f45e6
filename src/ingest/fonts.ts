const MONOSPACE = /mono|courier|consolas|console|menlo|monaco|inconsolata|fixedsys|terminal|typewriter|\bcode\b|code\s*(pro|new)|cascadia|lucida\s*sans\s*typewriter/i;

/** True for the font families people use for source code (by name; neither format records "monospace" reliably). */
export function isMonospaceFont(name: string | undefined): boolean {
  return !!name && MONOSPACE.test(name.replace(/^[A-Z]{6}\+/, '').replace(/[-_,]/g, ' '));
}
