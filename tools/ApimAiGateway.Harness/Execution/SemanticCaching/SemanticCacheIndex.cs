using ApimAiGateway.Harness.Services.AzureOpenAi;
using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.SemanticCaching;

/// <summary>
/// The vector index of the semantic cache over an ordinary cache store: each stored completion is one entry whose
/// key names its partition (the vary-by values), so expiry works as for any cached value on the gateway clock, and
/// the nearest neighbour is found by scanning the partition's unexpired entries, as a vector search would.
/// </summary>
internal static class SemanticCacheIndex
{
    private const string Prefix = "llm-semantic-cache|";

    public static string PartitionOf(IEnumerable<string> varyBy) => string.Concat(varyBy);

    /// <summary>The entry nearest to <paramref name="embedding"/> in the partition, with its cosine distance.</summary>
    public static (SemanticCacheEntry Entry, double Distance)? Nearest(ICacheStore store, string partition, float[] embedding) =>
        store.Entries
            .Where(e => e.Key.StartsWith(KeyPrefix(partition), StringComparison.Ordinal) && e.Value.Value is SemanticCacheEntry)
            .Select(e => (SemanticCacheEntry)e.Value.Value)
            .Where(entry => entry.Embedding.Length == embedding.Length)
            .Select(entry => ((SemanticCacheEntry, double)?)(entry, 1 - BagOfWordsEmbedding.Cosine(entry.Embedding, embedding)))
            .MinBy(candidate => candidate!.Value.Item2);

    public static void Add(ICacheStore store, string partition, SemanticCacheEntry entry, TimeSpan duration) =>
        store.Set(KeyPrefix(partition) + Guid.NewGuid().ToString("N"), entry, duration);

    // The partition is length-prefixed so that one partition's key can never be a prefix of another's.
    private static string KeyPrefix(string partition) => $"{Prefix}{partition.Length}|{partition}|";
}
