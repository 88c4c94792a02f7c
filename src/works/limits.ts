/** AO3's limits (REFERENCE §1), enforced on every write. */
export const LIMITS = {
  titleMax: 255,
  summaryMax: 1250,
  notesMax: 5000,
  chapterMin: 10,
  chapterMax: 510_000,
  chapterTitleMax: 255,
  freeTagsMax: 75,
  creatorNameMax: 40,
  seriesTitleMax: 240,
  chaptersMax: 2000,
} as const;
