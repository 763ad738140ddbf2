// The tagging step of ingest: an item's headline and body tagged together with the taxonomy.
import type { Tags } from '../model';
import { loadDefaultTaxonomy, tagText, type CompiledTaxonomy } from '../taxonomy';

/** Tags one item from its headline (or null) and body; tags come from the whole item. */
export function tagItem(title: string | null, text: string, taxonomy: CompiledTaxonomy = loadDefaultTaxonomy()): Tags {
  return tagText(title === null ? text : `${title}\n\n${text}`, taxonomy);
}
