// Wire metadata and levels ↔ core: core/wire's converters (the wire types here are the schema's).
export {
  expiryFromWire,
  expiryToWire,
  levelFromWire,
  levelsFromWire,
  levelsToWire,
  levelToWire,
  metadataFromWire,
  metadataToWire,
} from '../../core/wire/analysis';
