// Preloaded with --import: records every module URL the program loads, one a line, in the file
// named by TRACE_LOADS, so a test can tell which modules a command needed.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function resolve(specifier, context, next) {
      const result = await next(specifier, context);
      if (process.env.TRACE_LOADS) appendFileSync(process.env.TRACE_LOADS, result.url + '\\n');
      return result;
    }
  `)}`,
);
