// What both readers (likec4.ts, structurizr.ts) hand the mapping: the tool's elements,
// relations, deployment and views in one neutral shape, before any BOS decision.
import type { DeclarationKeyword } from '../model/vocabulary.js';

/** What a BOS export wrote into a workspace, so reading it back gives the same declaration. */
export interface BosHint {
    keyword: DeclarationKeyword;
    /** The qualified name (`tmall.platforms.Business.PlaceOrder`). */
    name: string;
    kind?: string;
    title?: string;
    /** Property words with their text as BOS writes them (`capacity` → `650000/s`). */
    properties: Record<string, string>;
}

export interface SourceElement {
    /** The tool's id, unique among elements, deployment nodes and instances. */
    id: string;
    /** The tool's own name for it: a LikeC4 id's last segment, a Structurizr name. */
    name: string;
    /** The label people read; the name when the tool has none. */
    label: string;
    description?: string;
    technology?: string;
    tags: string[];
    parent?: string;
    /** People; structure (systems, containers, components); deployment nodes. */
    role: 'person' | 'structure' | 'node';
    /** Words the kind heuristics read besides the tags and technology: the tool's kind, shape. */
    hints: string[];
    /** Of a deployment node: its environment (a top-level LikeC4 node, a Structurizr `environment`). */
    environment?: string;
    bos?: BosHint;
}

export interface SourceRelation {
    source: string;
    target: string;
    description?: string;
    technology?: string;
    /** The BOS relation and weight (as written: a plain decimal) a BOS export wrote. */
    bos?: { relation: string; weight?: string };
}

/** An element deployed on a node (a LikeC4 `instanceOf`, a Structurizr container or system instance). */
export interface SourceInstance {
    /** The instance's own id: relations may name it. */
    id: string;
    element: string;
    node: string;
}

export interface SourceView {
    key: string;
    title?: string;
    /** Ids of what it shows: elements, deployment nodes, instances. */
    elements: string[];
}

export interface ImportSource {
    tool: 'LikeC4' | 'Structurizr';
    name?: string;
    elements: SourceElement[];
    relations: SourceRelation[];
    instances: SourceInstance[];
    views: SourceView[];
    /** What the reader found and could not carry over, one line each. */
    notes: string[];
}

/** The input is not something `bos import` reads; the message is one line for the user. */
export class ImportError extends Error {}
