// Whole bodies ↔ core analyses: core/wire's converters (the wire types here are the schema's).
export {
  analysisFromWire,
  analysisToDetail,
  createRequestFromDomain,
  createRequestToDomain,
  type DerivedFields,
} from '../../core/wire/analysis';
