// The bridge is declared in shared/api.ts (issue 3); until then the renderer gets nothing.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('annals', Object.freeze({ version: 1 }));
