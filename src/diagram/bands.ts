// How the four layers keep their bands. ELK's partitions keep every box of one partition
// in a layer above every box of the next by a constraint edge from each to each
// (PartitionMidprocessor): w_i·w_{i+1} edges, which its network-simplex layering then
// works through; in the site's 1k Overview (100 boxes a band) that was 40,000 edges and
// two thirds of its 5 s. A large view keeps its bands in O(n) instead: the first and the
// last band as ELK's separate first and last layer (`FIRST_SEPARATE`, `LAST_SEPARATE`)
// when no edge lies within them, the bands between as partitions with a lone invisible
// junction in a partition between each two (w_i + w_{i+1} edges), and the bridges
// (bridges.ts) without a partition: their edges hold them next to their band. A small
// view keeps ELK's partitions as they were, bridges in the partition next to their band.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Layer } from '../model/vocabulary.js';

/** Partitions two apart: a band's bridges stand in the partition just before or after it. */
const BAND: Readonly<Record<Layer, number>> = { actors: 0, commerce: 2, platform: 4, infrastructure: 6 };

const PARTITION = 'elk.partitioning.partition';
const CONSTRAINT = 'elk.layered.layering.layerConstraint';
const JUNCTION = '~band';

/** What the bands of one view look like to ELK. */
export interface Bands {
    /** Layout options of a top-level box of this layer. */
    box(layer: Layer): Record<string, string>;
    /** The partition of a bridge's junction in the gap above or below this band, if it has one. */
    bridge(layer: Layer, side: 'above' | 'below'): string | undefined;
    /** Invisible nodes for the root: dropped again after the layout by `dropBandJunctions`. */
    junctions: ElkNode[];
}

/**
 * The bands of a view whose top-level boxes stand in `used` layers; `closed` are the layers
 * with no edge inside them (nor a bridge, which is such an edge): only they can be one separate layer.
 */
export function bands(used: ReadonlySet<Layer>, closed: ReadonlySet<Layer>, large: boolean): Bands {
    if (!large) {
        return {
            box: layer => ({ [PARTITION]: String(BAND[layer]) }),
            bridge: (layer, side) => String(BAND[layer] + (side === 'above' ? -1 : 1)),
            junctions: [],
        };
    }
    const order = [...used].sort((a, b) => BAND[a] - BAND[b]);
    const first = order.length > 1 && closed.has(order[0]) ? order[0] : undefined;
    const last = order.length > 1 && closed.has(order.at(-1)!) ? order.at(-1) : undefined;
    const partitioned = order.filter(l => l !== first && l !== last);
    // Partitions 2·band, a junction at 2·band + 1 between each two partitioned bands.
    const junctions = partitioned.slice(0, -1).map((l): ElkNode => ({
        id: `${JUNCTION}${BAND[l]}`,
        width: 0,
        height: 0,
        layoutOptions: { [PARTITION]: String(2 * BAND[l] + 1) },
    }));
    return {
        box: (layer): Record<string, string> => {
            if (layer === first) return { [CONSTRAINT]: 'FIRST_SEPARATE' };
            if (layer === last) return { [CONSTRAINT]: 'LAST_SEPARATE' };
            return { [PARTITION]: String(2 * BAND[layer]) };
        },
        bridge: () => undefined,
        junctions,
    };
}

/** The rank of a layer's band, top to bottom (0–3). */
export const bandRank = (layer: Layer): number => BAND[layer] / 2;

/** Takes the band junctions out of a laid-out root. */
export function dropBandJunctions(laid: ElkNode): ElkNode {
    if (laid.children?.some(c => c.id.startsWith(JUNCTION))) {
        laid.children = laid.children.filter(c => !c.id.startsWith(JUNCTION));
    }
    return laid;
}
