using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.SemanticCaching;

/// <summary>What a semantic cache lookup that missed hands to the store policy of the same request.</summary>
internal sealed class PendingSemanticCache
{
    public (ICacheStore Store, string Partition, float[] Embedding)? Miss { get; set; }
}
