namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// The counter-keys quota-by-key has counted for the current request: "If multiple policies would increment the same
/// key value, it is incremented only once per request" (quota-by-key page). One instance per request, as a
/// <see cref="PolicyExecutionContext.Feature{T}"/>.
/// </summary>
internal sealed class CountedQuotaKeys
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    /// <summary>True for the first policy that counts the key in this request.</summary>
    public bool Claim(string key)
    {
        lock (_keys)
        {
            return _keys.Add(key);
        }
    }
}
