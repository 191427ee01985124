import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { assertStorableJson, assertStorableText } from './input-text';

const BUILT_IN = new Set<unknown>([String, Number, Boolean, Object, Array, undefined]);

/**
 * The REST side of the input boundary (GraphQL arguments pass the schema's own first, see
 * input-boundary.ts): a body, query or route parameter that is text, or a body bound to an
 * input class, is refused with BAD_USER_INPUT, naming the field, when it holds NUL or a lone
 * surrogate, or nests or grows past the JSON limits, before validation or any write sees it.
 * Runs as a pipe, so multipart fields are checked too (the upload interceptor has parsed them).
 * Other parameters (request, context, the current user) are the server's own and pass as they are.
 */
@Injectable()
export class RestInputBoundaryPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const field = metadata.data ?? metadata.type;
    if (typeof value === 'string') {
      assertStorableText(value, field);
    } else if (value !== null && typeof value === 'object' && !BUILT_IN.has(metadata.metatype)) {
      for (const [key, fieldValue] of Object.entries(value)) assertStorableJson(fieldValue, key);
    }
    return value;
  }
}
