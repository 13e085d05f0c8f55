// Which BOS kind an imported element gets, read from the words the tool gives it (its
// kind or type, shape, tags, technology, name): the first rule that matches wins. The
// table is docs/import.md's; keep the two in step.
import type { SourceElement } from './source.js';

type Rule = readonly [kind: string, words: RegExp];

const RESOURCE_RULES: readonly Rule[] = [
    ['cache', /cache|redis|memcache/i],
    ['messaging', /queue|topic|kafka|rabbit|\bsqs\b|\bsns\b|pub.?sub|event.?bus|messag|stream|shape:pipe/i],
    ['database', /database|\bdb\b|sql|oracle|postgres|mongo|\brds\b|dynamo|cassandra|schema|shape:(storage|cylinder)/i],
    ['cdn', /\bcdn\b|cloudfront|akamai/i],
    ['network', /network|\bdns\b|route ?53|load.?balanc|\belb\b|haproxy|gateway|router|\bvpc\b|proxy/i],
    ['security', /firewall|\bwaf\b|security|vault|\bkms\b|\biam\b/i],
    ['storage', /storage|bucket|\bs3\b|\bblob\b|file.?system|\bnfs\b|disk|shape:(folder|bucket)/i],
    ['accelerator', /\bgpu\b|\btpu\b|accelerat|fpga/i],
];

/** Kinds that make a container a resource rather than a capability: it stores or carries data. */
const STORES: ReadonlySet<string> = new Set(['cache', 'messaging', 'database', 'storage']);

const PLATFORM_RULES: readonly Rule[] = [
    ['intelligence', /\bai\b|\bml\b|machine.?learning|recommend|search|intelligen/i],
    ['data', /\bdata\b|analytic|warehouse|report|\bbi\b|\betl\b|lake/i],
    ['collaboration', /mail|chat|notif|collab|workbench|portal|office|crm/i],
];

function words(e: SourceElement): string {
    return [...e.hints, ...e.tags, e.technology ?? '', e.name, e.label].join(' | ');
}

function firstMatch(rules: readonly Rule[], e: SourceElement): string | undefined {
    const text = words(e);
    return rules.find(([, re]) => re.test(text))?.[0];
}

/** A resource's kind; `compute` when nothing says otherwise. */
export function resourceKind(e: SourceElement): string {
    return firstMatch(RESOURCE_RULES, e) ?? 'compute';
}

/** Whether a container-like element holds or carries data, and so becomes a resource. */
export function isStore(e: SourceElement): boolean {
    return STORES.has(resourceKind(e));
}

/** A platform's kind; `business` when nothing says otherwise. */
export function platformKind(e: SourceElement): string {
    return firstMatch(PLATFORM_RULES, e) ?? 'business';
}

/** People: Structurizr persons; LikeC4 elements drawn as a person or of a person-like kind. */
export function isPerson(e: SourceElement): boolean {
    return e.role === 'person' || /shape:person|^(actor|person|user|customer|staff)$/im.test(e.hints.join('\n'));
}
