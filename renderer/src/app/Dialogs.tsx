// The one dialog of the workspace that is open, if any.
import { AddToCollectionDialog } from '../collections/AddToCollectionDialog';
import { ExportDialog } from '../export/ExportDialog';
import { BulkTagDialog } from '../results/BulkTagDialog';
import { TaxonomyDialog } from '../taxonomy/TaxonomyDialog';
import type { DialogState } from './workspace-state';

/** Renders the open dialog. */
export function Dialogs({ dialog, onClose }: { dialog: DialogState | null; onClose: () => void }) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'export':
      return <ExportDialog source={dialog.source} title={dialog.title} onClose={onClose} />;
    case 'taxonomy':
      return <TaxonomyDialog onClose={onClose} />;
    case 'add-to-collection':
      return <AddToCollectionDialog ids={dialog.ids} onClose={onClose} />;
    case 'bulk-tag':
      return <BulkTagDialog ids={dialog.ids} mode={dialog.mode} onClose={onClose} />;
    case 'import':
      return null;
  }
}
