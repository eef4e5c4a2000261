/** Seed 002: "até 15 marcadores diferentes configurados". */
export const MARKERS_MAX = 15;
/** Our bound: a marker is a short label next to its emoji. */
export const MARKER_NAME_MAX = 60;
/** Longest text an emoji field may hold: the longest RGI emoji (a family ZWJ sequence) is far shorter. */
export const MARKER_EMOJI_MAX_LENGTH = 32;
