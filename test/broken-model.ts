// A model broken in many places, for tests of what the parser recovers.
export const BROKEN = `package p
platform P : business {
  capability A { runs on R x, calls B, C x 2 capacity
  capability B { calls A }
}
view V { include P.*, kind, layer platform overlay S
scenario S { load F 5/s load G budget 1 CNY per }
flow F { from Actor step P.A x 0.5 step }`;
