/**
 * The DOM id of a note section, shared by the note form (which draws the sections) and by
 * the parts drawn inside them (a measure's item-9 prompt scrolls to Risk). A module of its
 * own so that measures never import the notes feature that imports them.
 */
export const sectionDomId = (sectionId: string) => `note-section-${sectionId}`;
