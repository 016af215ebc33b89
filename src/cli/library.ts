/**
 * What the command line needs from the library once a command runs, in one module so that
 * main.ts can load it lazily: --help, --version and usage errors load none of it.
 */
export { ConfigError, ConfigLoader } from '../config/load.js';
export { BaselineError } from '../lint/baseline.js';
export { checkLayer, SettingsError } from '../lint/settings.js';
export { InputError, EXIT_INTERNAL } from '../pipeline/read.js';
export { FileWriteError, describeIoError } from '../util/io-error.js';
export { isReporterName, REPORTER_NAMES } from '../report/load.js';
export { RULES } from '../rules/index.js';
