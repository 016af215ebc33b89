// A source change the bundler makes to mdast-util-from-markdown (scripts/bundle.js): the command
// line runs it, and test/pipeline/from-markdown-context.test.ts holds its trees equal to the
// package's own.
//
// The compiler turns micromark's events into the tree by calling one handler per event with a
// `this` made for that call: a fresh copy of its context object (eight fields) plus the event's
// `sliceSerialize`. That copy, one per event, was a sixth of the CPU time of a lint over the
// package documents of `npm run bench` (16.0 s against 13.4 s, one process, one half of the
// corpus). The handlers only read `this` during the call (none assigns to it or keeps it), so one
// object, made once per compile and given each event's `sliceSerialize` before its handler runs,
// gives them the same fields.
//
// The text replaced must be found exactly once; when a new version of the package changes it, the
// build stops here and this file is to be reviewed against the new code.
import { readFile } from 'node:fs/promises';

/** The handler call as mdast-util-from-markdown 2.1 writes it, and what it becomes. */
export const FROM_MARKDOWN_CONTEXT = [
  {
    find: `    events = prepared;
    index = -1;
`,
    replace: `    events = prepared;
    index = -1;
    const handlerThis = { ...context, sliceSerialize: undefined };
`,
  },
  {
    find: `        // Note: spread first, V8 has optimizations for object shape cloning.
        handler[events[index][1].type].call({
          ...context,
          sliceSerialize: events[index][2].sliceSerialize
        }, events[index][1]);
`,
    replace: `        handlerThis.sliceSerialize = events[index][2].sliceSerialize;
        handler[events[index][1].type].call(handlerThis, events[index][1]);
`,
  },
];

/** Apply the edits to the package's source; throws, naming the file, when one is not found exactly once. */
export function patchFromMarkdown(text, file) {
  let out = text;
  for (const { find } of FROM_MARKDOWN_CONTEXT) {
    const count = out.split(find).length - 1;
    if (count !== 1) throw new Error(`from-markdown-context: expected one match in ${file}, found ${count}; review scripts/from-markdown-context.js against the new version`);
  }
  for (const { find, replace } of FROM_MARKDOWN_CONTEXT) out = out.replace(find, () => replace);
  return out;
}

/** @type {import('esbuild').Plugin} */
export const fromMarkdownContext = {
  name: 'from-markdown-context',
  setup(b) {
    b.onLoad({ filter: /[\\/]mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ }, async (args) => ({
      contents: patchFromMarkdown(await readFile(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
