// Each person's weekly email choice in document properties (one key per person, keyed by email), so
// the weekly run, which runs as the Lead who installed it, reads everybody's in its one
// getProperties(). Written only through saveMyWeeklyEmail, for the signed-in caller.
// https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()
import type { EmailChoice } from '../okr/core/model';
import { emailChoiceKey, parseEmailChoice } from '../okr/weekly/emailChoice';

export function readEmailChoice(email: string): EmailChoice {
  return parseEmailChoice(PropertiesService.getDocumentProperties().getProperty(emailChoiceKey(email)));
}

export function writeEmailChoice(email: string, choice: EmailChoice): void {
  PropertiesService.getDocumentProperties().setProperty(emailChoiceKey(email), choice);
}
