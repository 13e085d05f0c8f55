// Where a finding's place is in its text.
import { GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Place } from '../checks/finding.js';

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function placeRange(place: Place): Range {
    const cst = place.property
        ? GrammarUtils.findNodeForProperty(place.node.$cstNode, place.property, place.index)
        : place.node.$cstNode;
    return (cst ?? place.node.$cstNode)?.range ?? NOWHERE;
}
