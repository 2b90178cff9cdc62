namespace ApimAiGateway.Harness.Execution.Caching;

/// <summary>
/// The keys cached responses and cached values are stored under. Both live in the same cache; a value's key is the
/// user's free text, so each kind gets a prefix the other never starts with.
/// </summary>
internal static class CacheKeys
{
    public const char Separator = '\u001f';

    public static string Value(string key) => $"value{Separator}{key}";

    public static string Response(string requestKey) => $"response{Separator}{requestKey}";
}
