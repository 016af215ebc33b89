/**
 * The links a link-comparing rule looks at: every resource, and, when the rule's
 * `descriptionLinks` option asks, the links inside each resource's description ("… ([httpx](…)
 * fork)"), which are not resources.
 */
import type { Link, LinkReference } from 'mdast';
import type { Resource, Section } from '../model/types.js';
import { resourcesOf } from '../model/walk.js';
import type { ProcessedDocument } from '../pipeline/process.js';

export interface ListedLink {
  section: Section;
  /** The resource, or the resource whose description holds the link. */
  resource: Resource;
  title: string;
  url: string;
  host: string | null;
  line: number;
  node: Link | LinkReference;
  inDescription: boolean;
}

/** A JSON Schema for the option, shared by the rules that take it. */
export const DESCRIPTION_LINKS_OPTION = {
  description: "Also look at the links inside resources' descriptions, which are not resources.",
  type: 'boolean',
} as const;

export function* listedLinks(doc: ProcessedDocument, withDescriptions: boolean): Generator<ListedLink> {
  const { resourceNodes, descriptionLinkNodes } = doc.extraction;
  for (const { section, resource } of resourcesOf(doc.roadmap)) {
    yield { section, resource, title: resource.title, url: resource.url, host: resource.host, line: resource.line, node: resourceNodes.get(resource)!, inDescription: false };
    if (!withDescriptions) continue;
    for (const d of resource.descriptionLinks) {
      const node = descriptionLinkNodes.get(d);
      if (node) yield { section, resource, title: d.text, url: d.url, host: d.host, line: d.line, node, inDescription: true };
    }
  }
}
