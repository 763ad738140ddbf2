// The taxonomy editor: an alias for a label, or a new entry; tells how many items were re-tagged.
import { useState } from 'react';
import { FACETS } from '../../../shared/model';
import type { Facet } from '../../../shared/model';
import { isApiCallError } from '../api';
import { callApiStrict, getServices } from '../app/services';
import { Dialog } from '../lib/Dialog';
import { invalidateTaxonomy, useTaxonomy } from './queries';

/** The "Taxonomy" dialog. */
export function TaxonomyDialog({ onClose }: { onClose: () => void }) {
  const taxonomy = useTaxonomy();
  const [facet, setFacet] = useState<Facet>('exercise');
  const [label, setLabel] = useState('');
  const [aliases, setAliases] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const known = taxonomy?.labels[facet] ?? [];
  const isKnown = known.some((l) => l.toLocaleLowerCase() === label.trim().toLocaleLowerCase());
  const needle = label.trim().toLocaleLowerCase();
  const matches = needle && !isKnown ? known.filter((l) => l.toLocaleLowerCase().includes(needle)).slice(0, 6) : [];
  const aliasList = aliases.split(',').map((a) => a.trim()).filter(Boolean);

  const submit = async () => {
    setStatus('Re-tagging the archive…');
    try {
      let retagged = 0;
      if (isKnown) {
        for (const alias of aliasList) retagged += (await callApiStrict('taxonomy:add-alias', { facet, label: label.trim(), alias })).retagged;
      } else {
        retagged = (await callApiStrict('taxonomy:add-entry', { facet, label: label.trim(), aliases: aliasList })).retagged;
      }
      invalidateTaxonomy();
      getServices().mirror.requestSync();
      setStatus(`Saved. ${retagged} item${retagged === 1 ? '' : 's'} re-tagged.`);
      setAliases('');
    } catch (caught) {
      setStatus(`Not saved: ${isApiCallError(caught) ? caught.message : String(caught)}`);
    }
  };

  return (
    <Dialog title="Taxonomy" onClose={onClose}>
      <form
        className="taxonomy-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (label.trim() && (aliasList.length > 0 || !isKnown)) void submit();
        }}
      >
        <label>
          <span className="field-label">Facet</span>
          <select aria-label="Facet" value={facet} onChange={(event) => setFacet(event.target.value as Facet)}>
            {FACETS.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
        <label>
          <span className="field-label">Label</span>
          <input aria-label="Label" value={label} onChange={(event) => setLabel(event.target.value)} />
        </label>
        {matches.length > 0 && (
          <div className="label-matches small">
            {matches.map((l) => (
              <button key={l} type="button" className="chip" aria-label={`Use label ${l}`} onClick={() => setLabel(l)}>
                {l}
              </button>
            ))}
          </div>
        )}
        <label>
          <span className="field-label">Aliases (comma-separated)</span>
          <input aria-label="Aliases" value={aliases} onChange={(event) => setAliases(event.target.value)} />
        </label>
        <p className="small muted">
          {label.trim() ? (isKnown ? `Adds the aliases to “${label.trim()}”.` : `Adds a new ${facet} “${label.trim()}”.`) : 'Type an existing label to add aliases, or a new one.'}
        </p>
        <button type="submit" className="primary">{isKnown ? 'Add alias' : 'Add entry'}</button>
        {status && <p role="status">{status}</p>}
      </form>
      {taxonomy && taxonomy.additions.length > 0 && (
        <section aria-label="Your additions">
          <h3>Your additions</h3>
          <ul>
            {taxonomy.additions.map((a) => (
              <li key={`${a.facet}:${a.label}`}>{a.facet}: {a.label}{a.aliases.length ? ` — ${a.aliases.join(', ')}` : ''}</li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}
