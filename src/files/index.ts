/**
 * Reading definition and sample files: one loader for the CLI and the stack
 * program, with size limits, refusal of anything but regular files, UTF-8
 * with an optional byte order mark, and strict JSON (see `src/definition`).
 */
export { readSourceFiles, STDIN_ARGUMENT, STDIN_NAME } from "./source-files";
export type { SourceFileNames, SourceFileOptions, SourceFileValues } from "./source-files";
export { readJsonFile, parseJsonBytes } from "./json-file";
export { readCappedStream } from "./read-stream";
export type { JsonFileContent } from "./json-file";
export { readCapped } from "./read-capped";
export { describeFileProblem } from "./problem";
export type { FileProblem } from "./problem";
export { MAX_DEFINITION_FILE_BYTES, MAX_SAMPLE_FILE_BYTES, MAX_SAMPLES_TOTAL_BYTES, MAX_SAMPLE_FILES, MAX_EVENT_FILE_BYTES, MAX_EVENT_CORPUS_BYTES, MAX_EVENT_FILES } from "./limits";
export { readEventCorpus, parseEventBytes, EVENT_FILE_ENDINGS } from "./event-corpus";
export type { EventCorpusValues } from "./event-corpus";
