/** Field labels for the mapping table (core/fields has no imports: cheap for the first chunk). */
import { FIELDS } from '../../core/fields';
import type { Locale } from '../../i18n/strings';

export const FIELD_LABELS: Record<string, Record<Locale, string>> = Object.fromEntries(FIELDS.map((f) => [f.id, f.label]));
