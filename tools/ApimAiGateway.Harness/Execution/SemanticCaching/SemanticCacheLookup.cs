using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.SemanticCaching;

/// <summary>
/// llm-semantic-cache-lookup and azure-openai-semantic-cache-lookup (apim-reference §4.33): embeds the prompt with
/// the embeddings backend and returns the completion cached for the nearest prompt of the same vary-by partition when
/// it is close enough; the pipeline then ends and the backend is not called. score-threshold is a maximum cosine
/// distance: the page says "a lower value requires greater semantic similarity" (llm-semantic-cache-lookup-policy,
/// attributes), so a hit needs 1 - cosine &lt;= threshold. The docs require an external cache; lookups go to it, and a
/// cache or embeddings failure only means a miss.
/// </summary>
internal sealed class SemanticCacheLookup(
    string policy,
    BoundValue<double> scoreThreshold,
    BoundValue<string> embeddingsBackendId,
    BoundValue<bool> ignoreSystemMessages,
    BoundValue<int>? maxMessageCount,
    IReadOnlyList<BoundValue<string>> varyBy) : IPolicyStep
{
    public static SemanticCacheLookup Bind(string policy, PolicyElement element, PolicyBinder binder) => new(
        policy,
        binder.Attribute(element, "score-threshold", 0d),
        binder.Attribute(element, "embeddings-backend-id", string.Empty),
        binder.Attribute(element, "ignore-system-messages", false),
        binder.Has(element, "max-message-count") ? binder.Attribute(element, "max-message-count", 0) : null,
        [.. element.ElementsNamed("vary-by").Select(v => binder.Text(v, string.Empty))]);

    public async ValueTask ExecuteAsync(PolicyExecutionContext context)
    {
        if (LlmMessages.PromptOf(context.Request.Body) is not { } prompt)
        {
            context.Note("the request has no chat messages or prompt: not cached");
            return;
        }

        var messages = ignoreSystemMessages.Evaluate(context) ? [.. prompt.Where(m => m.Role != "system")] : prompt;
        if (maxMessageCount?.Evaluate(context) is { } max && messages.Count > max)
        {
            context.Note($"{messages.Count} messages exceed max-message-count {max}: caching skipped");
            return;
        }

        if (CacheOf(context) is not { } store)
        {
            return;
        }

        var (embedding, failure) = await EmbeddingsClient.EmbedAsync(context, policy, embeddingsBackendId.Evaluate(context) ?? string.Empty, LlmMessages.Join(messages));
        if (embedding is null)
        {
            context.Note($"no embedding ({failure}): cache miss");
            return;
        }

        var partition = SemanticCacheIndex.PartitionOf(varyBy.Select(v => v.Evaluate(context) ?? string.Empty));
        var threshold = scoreThreshold.Evaluate(context);
        if (SemanticCacheIndex.Nearest(store, partition, embedding) is { } nearest && nearest.Distance <= threshold)
        {
            context.Response = nearest.Entry.Response.ToResponse();
            context.Note($"cache hit at distance {nearest.Distance:0.###} (score-threshold {threshold}): the backend is not called");
            context.Terminate();
            return;
        }

        context.Feature<PendingSemanticCache>().Miss = (store, partition, embedding);
        context.Note("cache miss: the store policy may cache the completion");
    }

    // APIM's semantic cache lives in the external cache; without one there is nothing to look in.
    private static ICacheStore? CacheOf(PolicyExecutionContext context)
    {
        var store = context.Services.Stores.Caches.Resolve(CachingType.External).Store;
        if (store is null)
        {
            context.Note("the gateway has no external cache: semantic caching does nothing");
        }

        return store;
    }
}
