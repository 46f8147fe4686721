/** The most bytes a definition file may have (its payload is limited to 256 KiB of canonical JSON anyway). */
export const MAX_DEFINITION_FILE_BYTES = 1_048_576;

/** The most bytes one sample file may have. */
export const MAX_SAMPLE_FILE_BYTES = 4 * 1_048_576;

/** The most bytes all sample files of one source may have together. */
export const MAX_SAMPLES_TOTAL_BYTES = 16 * 1_048_576;

/** The most `*.json` files a samples folder may hold. */
export const MAX_SAMPLE_FILES = 1000;

/** The most bytes one file of recorded events (an impact corpus) may have: 100,000 events of a few hundred bytes fit. */
export const MAX_EVENT_FILE_BYTES = 128 * 1_048_576;

/** The most bytes all files of one impact corpus may have together. */
export const MAX_EVENT_CORPUS_BYTES = 512 * 1_048_576;

/** The most event files (`*.json`, `*.jsonl`, `*.ndjson`) a corpus folder may hold. */
export const MAX_EVENT_FILES = 10_000;

/** The largest saved topic catalog read (the platform's full catalog with schemas is a few MiB). */
export const MAX_CATALOG_FILE_BYTES = 64 * 1_048_576;
