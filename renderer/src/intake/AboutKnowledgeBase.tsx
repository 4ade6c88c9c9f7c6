/** Settings → About: the knowledge base's version, review date and disclaimer. (To be built.) */
export function AboutKnowledgeBase() {
  return null;
}
