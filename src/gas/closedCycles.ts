// The closed cycles: one document property (src/okr/cycle/closedCycles.ts says why).
// https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
import {
  CLOSED_CYCLES_KEY,
  type ClosedCycle,
  closedNames,
  parseClosedCycles,
  serializeClosedCycles,
} from '../okr/cycle/closedCycles';

export function loadClosedCycles(): ClosedCycle[] {
  return parseClosedCycles(PropertiesService.getDocumentProperties().getProperty(CLOSED_CYCLES_KEY));
}

/** The names of the closed cycles (one property read). */
export function loadClosedCycleNames(): Set<string> {
  return closedNames(loadClosedCycles());
}

export function storeClosedCycles(list: readonly ClosedCycle[]): void {
  PropertiesService.getDocumentProperties().setProperty(CLOSED_CYCLES_KEY, serializeClosedCycles(list));
}
