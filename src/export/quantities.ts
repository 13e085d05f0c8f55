// A declaration's own properties as text an importer can write back into BOS: each
// quantity as written (`650000/s`, `150ms`, `0.06 CNY per 10000`), texts as they are.
import type { Measure, ModelNode, Price } from '../model/model.js';
import { PROPERTIES, propertiesOf } from '../model/properties.js';
import { decimal } from './text.js';

export function quantityText(m: Measure): string {
    // Money is written `0.06 CNY`, every other unit against its number (`150ms`, `650000/s`).
    const unit = m.unit ?? '';
    return m.expected === 'money' && unit ? `${decimal(m.value)} ${unit}` : `${decimal(m.value)}${unit}`;
}

export const priceText = (p: Price) => `${quantityText(p.amount)} per ${decimal(p.per)}`;

/** Every property the declaration states, by the word that writes it (`capacity`, `owner`, `tags` as JSON). */
export function propertyTexts(n: ModelNode): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of propertiesOf(n.keyword)) {
        const sort = PROPERTIES[p].value.sort;
        const value = (n as unknown as Record<string, unknown>)[p];
        if (sort === 'quantity' && value) out[p] = quantityText(value as Measure);
        else if (sort === 'price' && value) out[p] = priceText(value as Price);
        else if (sort === 'text' && typeof value === 'string') out[p] = value;
        else if (sort === 'texts' && n.tags.length) out[p] = JSON.stringify(n.tags);
    }
    return out;
}
