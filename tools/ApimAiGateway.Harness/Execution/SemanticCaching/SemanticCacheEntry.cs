using ApimAiGateway.Harness.Execution.Caching;

namespace ApimAiGateway.Harness.Execution.SemanticCaching;

/// <summary>A cached completion and the embedding of the prompt it answered, kept in one cache partition.</summary>
internal sealed record SemanticCacheEntry(float[] Embedding, CachedResponse Response);
