import { GraphQLError, Kind, type ASTNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, simpleEstimator, fieldExtensionsEstimator } from 'graphql-query-complexity';

/** Depth of the deepest field selection of an operation, following fragments. */
export function queryDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depthOf = (node: ASTNode, seen: Set<string>): number => {
    if (node.kind === Kind.FIELD) {
      return node.selectionSet ? 1 + Math.max(0, ...node.selectionSet.selections.map((s) => depthOf(s, seen))) : 1;
    }
    if (node.kind === Kind.INLINE_FRAGMENT || node.kind === Kind.OPERATION_DEFINITION) {
      return Math.max(0, ...node.selectionSet.selections.map((s) => depthOf(s, seen)));
    }
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const name = node.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) return 0;
      return Math.max(0, ...fragment.selectionSet.selections.map((s) => depthOf(s, new Set([...seen, name]))));
    }
    return 0;
  };
  let max = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && d.name?.value !== operationName) continue;
    max = Math.max(max, depthOf(d, new Set()));
  }
  return max;
}

/** Refuses operations deeper or costlier than the configured limits, before any resolver runs. */
export function queryLimitsPlugin(getSchema: () => GraphQLSchema, limits: { maxDepth: number; maxComplexity: number }): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName }) {
          const depth = queryDepth(document, operationName);
          if (depth > limits.maxDepth) {
            throw new GraphQLError(`query depth ${depth} exceeds the limit of ${limits.maxDepth}`, {
              extensions: { code: 'BAD_USER_INPUT', limit: 'depth', depth, maxDepth: limits.maxDepth },
            });
          }
          const complexity = getComplexity({
            schema: getSchema(),
            query: document,
            ...(operationName ? { operationName } : {}),
            variables: request.variables ?? {},
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (complexity > limits.maxComplexity) {
            throw new GraphQLError(`query complexity ${complexity} exceeds the limit of ${limits.maxComplexity}`, {
              extensions: { code: 'BAD_USER_INPUT', limit: 'complexity', complexity, maxComplexity: limits.maxComplexity },
            });
          }
        },
      };
    },
  };
}
