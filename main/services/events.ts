// The events main pushes to the renderer (shared/api.ts ApiEvents), fanned out to every transport
// that subscribed: ipc.ts forwards them with webContents.send, main/web over Server-Sent Events.
import type { ApiEventName, ApiEvents } from '../../shared/api';

export type EventSink = <E extends ApiEventName>(event: E, payload: ApiEvents[E]) => void;

export interface EventHub {
  emit: EventSink;
  /** Adds a sink; returns the function that removes it. */
  subscribe(sink: EventSink): () => void;
}

/** A synchronous fan-out; a sink that throws is reported and does not stop the others. */
export function createEventHub(onSinkError: (error: unknown) => void = (error) => console.error('[annals] event sink failed:', error)): EventHub {
  const sinks = new Set<EventSink>();
  return {
    emit(event, payload) {
      for (const sink of [...sinks]) {
        try {
          sink(event, payload);
        } catch (error) {
          onSinkError(error);
        }
      }
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => {
        sinks.delete(sink);
      };
    },
  };
}
