// Langium 4.4's Chevrotain calls Object.groupBy / Map.groupBy, which Node 20 lacks.
// Every entry point imports this module first.
import 'core-js/actual/object/group-by.js';
import 'core-js/actual/map/group-by.js';
