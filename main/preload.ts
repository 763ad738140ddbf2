// The bridge: exposes exactly { call, on } as window.annals, and only for the channels and events
// declared in shared/api.ts. The renderer never sees ipcRenderer or the IPC event objects.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('annals', createBridge(ipcRenderer));
